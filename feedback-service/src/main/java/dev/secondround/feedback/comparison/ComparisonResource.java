package dev.secondround.feedback.comparison;

import dev.secondround.feedback.comparison.ComparisonApi.FeedbackComparison;
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

@Path("/v1/jobs/{jobId}/feedback-comparison")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Candidate comparison", description = "The candidates of one job side by side on the same attributes")
public class ComparisonResource {

    private final ComparisonService comparisons;

    public ComparisonResource(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GET
    @RolesAllowed({"recruiter", "hiring_manager", "tenant_admin", "integration"})
    @Operation(operationId = "compareCandidates",
            summary = "Compare a job's candidates: per-attribute means, overall recommendation score, disagreement and decisions, one row "
                    + "per application with submitted scorecards",
            description = "Recruiters, tenant admins and integrations; hiring managers for the jobs they manage (others get 404, like an "
                    + "unknown job). Rows of candidates whose scorecard the hiring manager still owes come with the scores hidden. At most "
                    + ComparisonService.MAX_APPLICATIONS + " applications (those with the most recent scorecards; `truncated` says when more exist).")
    public FeedbackComparison compare(
            @PathParam("jobId") UUID jobId,
            @QueryParam("round") @Min(1) @Max(6) @Parameter(description = "Compare this round only; default: every round") Integer round,
            @QueryParam("sort") @Parameter(description = "overall (default), name, or attribute:<key>, e.g. attribute:professional_demeanour")
            String sort,
            @QueryParam("direction") @Parameter(description = "asc or desc; default desc for scores, asc for name") String direction) {
        return comparisons.compare(jobId, round, sort, direction);
    }
}
