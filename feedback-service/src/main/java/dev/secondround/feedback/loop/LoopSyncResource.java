package dev.secondround.feedback.loop;

import dev.secondround.feedback.candidates.CandidateServiceClient;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;
import dev.secondround.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/loops")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loop sync", description = "The scheduling service tells us about booked, changed and cancelled loops")
public class LoopSyncResource {

    private static final Logger LOG = Logger.getLogger(LoopSyncResource.class);

    private final LoopSyncService sync;
    private final CandidateServiceClient candidates;
    private final Caller caller;

    public LoopSyncResource(LoopSyncService sync, @RestClient CandidateServiceClient candidates, Caller caller) {
        this.sync = sync;
        this.candidates = candidates;
        this.caller = caller;
    }

    @PUT
    @Path("{loopId}")
    @RolesAllowed({"platform_service"})
    @APIResponse(responseCode = "204", description = "Applied, or already known at this or a newer version (nothing changed)")
    @Operation(operationId = "syncLoop", summary = "Create, update or withdraw the feedback requests of a loop (scheduling service only)",
            description = "Idempotent: the body is the loop's whole current state with its version; an older or repeated version is ignored.")
    public RestResponse<Void> put(@PathParam("loopId") UUID loopId, @Valid @NotNull LoopSnapshot snapshot) {
        if (!loopId.equals(snapshot.loopId())) {
            throw ProblemException.invalidField("loopId", "must be the loop of the path");
        }
        // Before the transaction: the job's hiring manager, asked with the same (service) token.
        // A cancellation needs no fresh job (the stored one will do): it must go through even when the candidate service is down.
        Optional<CandidateServiceClient.JobRefView> job = Optional.ofNullable(snapshot.jobId())
                .filter(id -> "BOOKED".equals(snapshot.status())).map(this::job);
        LoopSyncService.Outcome outcome = sync.apply(snapshot, job);
        if (outcome.applied()) {
            LOG.infof("loop %s v%d %s: %d feedback requests opened, %d withdrawn", loopId, snapshot.version(), snapshot.status(),
                    outcome.opened(), outcome.withdrawn());
        }
        return RestResponse.noContent();
    }

    private CandidateServiceClient.JobRefView job(UUID jobId) {
        try {
            return candidates.job("Bearer " + caller.bearerToken(), jobId);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.unprocessable("jobId", "the candidate service does not know this job");
            }
            LOG.warnf("candidate service answered %d for job %s", status, jobId);
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.warnf("candidate service unreachable: %s", e.getMessage());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "the candidate service could not tell who manages the job just now; nothing was changed, please retry");
    }
}
