package dev.secondround.feedback.candidates;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What the feedback service needs from the candidate service: a job's hiring manager (object rules,
 * escalations) and, for decisions, the application and its stage change. Always with a token the
 * candidate service checks itself: the scheduling service's per-tenant service token on loop syncs,
 * our own on decisions. Fields we do not use are ignored (tolerant reader).
 */
@RegisterRestClient(configKey = "candidate-service")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CandidateServiceClient {

    @GET
    @Path("jobs/{jobId}")
    JobRefView job(@HeaderParam("Authorization") String authorization, @PathParam("jobId") UUID jobId);

    @GET
    @Path("applications/{applicationId}")
    RestResponse<ApplicationRefView> application(@HeaderParam("Authorization") String authorization,
                                                 @PathParam("applicationId") UUID applicationId);

    @POST
    @Path("applications/{applicationId}/stage-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<ApplicationRefView> changeStage(@HeaderParam("Authorization") String authorization,
                                                 @HeaderParam("If-Match") String ifMatch,
                                                 @PathParam("applicationId") UUID applicationId, StageChange change);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobRefView(UUID id, String title, HiringManager hiringManager) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HiringManager(String subject, String name, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApplicationRefView(UUID id, String stage, Integer currentRound, JobSummary job, long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record JobSummary(UUID id, String title, int roundsInPlan) {
    }

    /** The candidate service's StageChangeRequest: to ROUND (with round), FINALIST, OFFER, REJECTED... */
    record StageChange(String to, Integer round, String reason) {
    }
}
