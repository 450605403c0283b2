package dev.secondround.feedback.comparison;

import dev.secondround.feedback.aggregate.AggregateApi.RecommendationCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The candidates of one job side by side on the same attributes. */
public final class ComparisonApi {

    private ComparisonApi() {
    }

    @Schema(name = "FeedbackComparison", description = "One row per application of the job with submitted scorecards, every row on the "
            + "same attribute columns (null where nobody rated it). At most 200 applications: those with the most recent scorecards.")
    public record FeedbackComparison(
            UUID jobId,
            @Schema(examples = "Senior Backend Engineer (Java)") String jobTitle,
            @Schema(description = "The round compared; null: every round, the headline figures being each candidate's latest round",
                    examples = "2") Integer round,
            @Schema(examples = "overall") String sort,
            @Schema(examples = "desc") String direction,
            @Schema(description = "The columns: every attribute rated for this job, in the forms' order") List<Column> attributes,
            List<CandidateRow> rows,
            @Schema(description = "true when the job has more than 200 applications with scorecards and only the 200 with the most recent "
                    + "ones are compared", examples = "false") boolean truncated) {
    }

    @Schema(name = "ComparisonColumn")
    public record Column(@Schema(examples = "professional_demeanour") String key, @Schema(examples = "Professional demeanour") String name) {
    }

    @Schema(name = "ComparisonRow", description = "One candidate. While the hiring manager still owes their own scorecard for this "
            + "candidate, the scores are hidden (null) so that the panel's opinion cannot anchor theirs.")
    public record CandidateRow(
            UUID applicationId,
            @Schema(examples = "Dana Okonkwo-Lindqvist") String candidateName,
            @Schema(description = "Submitted scorecards compared (all rounds shown)", examples = "6") int scorecards,
            @Schema(examples = "false") boolean scoresHidden,
            @Schema(examples = "submit your own scorecard first") String hiddenReason,
            @Schema(description = "The round the headline figures (overall, attributes, disagreement) are from", examples = "2") Integer headlineRound,
            @Schema(description = "Mean recommendation score in the headline round (STRONG_NO = 1 … STRONG_YES = 4)", examples = "3.2") BigDecimal overall,
            RecommendationCounts recommendations,
            @Schema(description = "Attribute key → mean in the headline round, null where not rated",
                    examples = "{\"communication\": 3.5, \"professional_demeanour\": 2.4}") Map<String, BigDecimal> attributes,
            @Schema(description = "Split recommendation, strong dissent, or an attribute 2 or more points apart", examples = "true") Boolean disagreement,
            @Schema(description = "Every round compared, oldest first") List<RoundScores> rounds,
            @Schema(description = "Outcome of the latest decision on this application, if any", examples = "FINALIST") String latestDecision,
            Instant decidedAt,
            @Schema(description = "The latest decision made them a finalist or gave them an offer", examples = "true") boolean finalist) {
    }

    @Schema(name = "ComparisonRound")
    public record RoundScores(@Schema(examples = "1") int round, @Schema(examples = "6") int scorecards,
                              @Schema(examples = "3.2") BigDecimal overall, RecommendationCounts recommendations,
                              @Schema(examples = "{\"communication\": 3.5, \"professional_demeanour\": 2.4}") Map<String, BigDecimal> attributes,
                              @Schema(examples = "false") boolean disagreement) {
    }
}
