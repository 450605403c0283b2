package dev.secondround.feedback.summary;

import dev.secondround.feedback.aggregate.AggregateApi.RecommendationCounts;
import dev.secondround.feedback.aggregate.AggregateApi.RoundValue;
import dev.secondround.feedback.scorecard.Scorecard.Answer;
import dev.secondround.feedback.scorecard.Scorecard.Recommendation;
import dev.secondround.feedback.template.ScorecardTemplate.Form;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The panel's feedback on one application in one round, as the hiring manager reads it. */
public final class SummaryApi {

    private SummaryApi() {
    }

    @Schema(name = "FeedbackSummary", description = "Everything the panel said about one candidate in one round: recommendation counts, "
            + "per-attribute statistics, disagreement, who said what, who has not answered yet, and the change against earlier rounds")
    public record FeedbackSummary(
            UUID applicationId,
            UUID jobId,
            @Schema(examples = "Senior Backend Engineer (Java)") String jobTitle,
            @Schema(examples = "Dana Okonkwo-Lindqvist") String candidateName,
            @Schema(examples = "2") int round,
            @Schema(examples = "Second round: onsite loop") String roundName,
            @Schema(description = "Every round of this application with submitted scorecards", examples = "[1, 2]") List<Integer> roundsWithScorecards,
            Completeness completeness,
            RecommendationCounts recommendations,
            @Schema(description = "Per attribute rated in this round, in the form's order; tour and lunch (light) forms count for the "
                    + "attributes they rate") List<AttributeStats> attributes,
            Disagreement disagreement,
            @Schema(description = "Who said what: every submitted scorecard of the round") List<Opinion> scorecards,
            Changes changes) {
    }

    @Schema(name = "FeedbackCompleteness", description = "The round's feedback requests; withdrawn ones (replaced people, cancelled "
            + "loops) are not counted as requested")
    public record Completeness(@Schema(examples = "6") int requested, @Schema(examples = "4") int submitted,
                               @Schema(examples = "2") int outstanding, @Schema(examples = "1") int withdrawn,
                               List<Outstanding> outstandingParticipants) {
    }

    @Schema(name = "OutstandingParticipant")
    public record Outstanding(@Schema(examples = "Tomasz Wierzbicki") String name, @Schema(examples = "Staff Engineer") String title,
                              @Schema(examples = "TECHNICAL_CONSULTANT") String roleKind, Form form, Instant dueAt,
                              @Schema(examples = "true") boolean overdue) {
    }

    @Schema(name = "AttributeStatistics", description = "The ratings (1–4) one attribute got in the round")
    public record AttributeStats(@Schema(examples = "professional_demeanour") String key,
                                 @Schema(examples = "Professional demeanour") String name,
                                 @Schema(description = "How many rated it", examples = "6") int n,
                                 @Schema(description = "One decimal", examples = "3.0") BigDecimal mean,
                                 @Schema(examples = "1") int min, @Schema(examples = "4") int max,
                                 @Schema(description = "max − min; 2 or more is flagged", examples = "3") int spread) {
    }

    @Schema(name = "Disagreement", description = "Where the panel does not agree: a split yes/no, a strong voice against the rest, "
            + "or an attribute rated 2 or more points apart")
    public record Disagreement(@Schema(examples = "true") boolean flagged,
                               @Schema(description = "At least one yes-side and one no-side recommendation", examples = "true") boolean splitRecommendation,
                               @Schema(description = "A STRONG_NO among yeses or a STRONG_YES among noes", examples = "false") boolean strongDissent,
                               @Schema(description = "Keys of attributes with a spread of 2 or more", examples = "[\"job_knowledge\"]") List<String> wideSpreadAttributes,
                               @Schema(examples = "[\"Split recommendation: 3 yes, 1 no\", \"Job knowledge: ratings from 1 to 4\"]") List<String> reasons) {
    }

    @Schema(name = "PanelOpinion", description = "One participant's submitted scorecard")
    public record Opinion(UUID scorecardId, Author author, Form form,
                          @Schema(examples = "YES") Recommendation recommendation,
                          @Schema(examples = "{\"communication\": 3, \"professional_demeanour\": 4}") Map<String, Integer> ratings,
                          @Schema(examples = "Explained the event-sourcing migration clearly; vague on on-call load.") String notes,
                          List<Answer> answers, Instant submittedAt,
                          @Schema(description = "1 when first submitted; +1 per later change", examples = "1") int revision) {
    }

    @Schema(name = "PanelAuthor")
    public record Author(@Schema(examples = "Aiko Tanaka") String name, @Schema(examples = "Senior Engineer") String title,
                         @Schema(examples = "PEER") String roleKind) {
    }

    @Schema(name = "FeedbackChanges", description = "The candidate across rounds: every round with scorecards up to this one")
    public record Changes(@Schema(examples = "[1, 2]") List<Integer> rounds,
                          @Schema(description = "The overall recommendation score per round") List<RoundValue> overall,
                          List<AttributeChange> attributes,
                          @Schema(description = "Moves of 0.5 or more in this round against the previous one",
                                  examples = "[\"Professional demeanour 3.6 → 2.4 since round 1\"]") List<String> notable) {
    }

    @Schema(name = "AttributeChange")
    public record AttributeChange(@Schema(examples = "professional_demeanour") String key,
                                  @Schema(examples = "Professional demeanour") String name, List<RoundValue> rounds) {
    }
}
