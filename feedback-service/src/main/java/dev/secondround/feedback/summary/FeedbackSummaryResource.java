package dev.secondround.feedback.summary;

import dev.secondround.feedback.summary.SummaryApi.FeedbackSummary;
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

@Path("/v1/applications/{applicationId}/feedback-summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback summary", description = "The panel's feedback on one candidate, aggregated per round and compared across rounds")
public class FeedbackSummaryResource {

    private final FeedbackSummaryService summaries;

    public FeedbackSummaryResource(FeedbackSummaryService summaries) {
        this.summaries = summaries;
    }

    @GET
    @RolesAllowed({"recruiter", "hiring_manager", "interviewer", "tenant_admin", "integration"})
    @Operation(operationId = "getFeedbackSummary",
            summary = "The panel's feedback on one application and round: counts, attribute statistics, disagreement, who said what, "
                    + "completeness and the change against earlier rounds",
            description = "Readable by recruiters, tenant admins and integrations; by the job's hiring manager and the loop's participants "
                    + "as the anti-anchoring policy allows (403 scorecards-hidden while they still owe their own scorecard). Anyone else, "
                    + "and another organisation's application, gets 404.")
    public FeedbackSummary get(@PathParam("applicationId") UUID applicationId,
                               @QueryParam("round") @Min(1) @Max(6)
                               @Parameter(description = "Default: the latest round with submitted scorecards") Integer round) {
        return summaries.summarize(applicationId, round);
    }
}
