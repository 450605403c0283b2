package dev.secondround.scheduling.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The two reads scheduling needs from the candidate service, always with the caller's own token:
 * the candidate service then applies its own tenant, role and object rules, so nobody can schedule
 * an application they could not read there. Fields we do not use are ignored (tolerant reader: the
 * candidate service may add fields without breaking us).
 */
@RegisterRestClient(configKey = "candidate-service")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CandidateServiceClient {

    @GET
    @Path("applications/{applicationId}")
    ApplicationRef application(@HeaderParam("Authorization") String authorization, @PathParam("applicationId") UUID applicationId);

    @GET
    @Path("candidates/{candidateId}")
    CandidateRef candidate(@HeaderParam("Authorization") String authorization, @PathParam("candidateId") UUID candidateId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApplicationRef(UUID id, Person candidate, Job job, String stage, Integer currentRound, String currentRoundName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Person(UUID id, String firstName, String lastName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Job(UUID id, String title, int roundsInPlan) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CandidateRef(UUID id, String firstName, String lastName, String email) {
    }
}
