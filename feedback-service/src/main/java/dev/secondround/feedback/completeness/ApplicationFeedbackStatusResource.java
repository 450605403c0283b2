package dev.secondround.feedback.completeness;

import dev.secondround.feedback.completeness.FeedbackStatusApi.FeedbackStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Completeness of one application over its loops, or one round of it. */
@Path("/v1/applications/{applicationId}/feedback-status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback status")
public class ApplicationFeedbackStatusResource {

    private final FeedbackStatusService status;

    public ApplicationFeedbackStatusResource(FeedbackStatusService status) {
        this.status = status;
    }

    @GET
    @RolesAllowed({"coordinator", "recruiter", "hiring_manager", "tenant_admin", "integration"})
    @Operation(operationId = "getApplicationFeedbackStatus",
            summary = "Feedback completeness of an application over its loops, or one round (no scorecard content; hiring managers: their jobs)")
    public FeedbackStatus get(@PathParam("applicationId") UUID applicationId,
                              @QueryParam("round") @Min(1) @Max(6) @Parameter(description = "Only this round's loops", example = "2")
                              Integer round) {
        return status.ofApplication(applicationId, round);
    }
}
