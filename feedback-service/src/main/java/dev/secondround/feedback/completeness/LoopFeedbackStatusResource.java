package dev.secondround.feedback.completeness;

import dev.secondround.feedback.completeness.FeedbackStatusApi.FeedbackStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Completeness of one loop. Its own root path: under a root of {@code /v1} the loop sync resource
 * ({@code /v1/loops}) would win the match and answer 404 for this sub-path.
 */
@Path("/v1/loops/{loopId}/feedback-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback status", description = "Who has and has not given feedback for a loop or an application: overdue, reminded, escalated")
public class LoopFeedbackStatusResource {

    private final FeedbackStatusService status;

    public LoopFeedbackStatusResource(FeedbackStatusService status) {
        this.status = status;
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "hiring_manager", "tenant_admin", "integration"})
    @Operation(operationId = "getLoopFeedbackStatus",
            summary = "Feedback completeness of a loop: counts and every participant's state (no scorecard content; hiring managers: their jobs)")
    public FeedbackStatus get(@PathParam("loopId") UUID loopId) {
        return status.ofLoop(loopId);
    }
}
