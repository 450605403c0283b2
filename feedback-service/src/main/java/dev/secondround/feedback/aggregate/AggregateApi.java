package dev.secondround.feedback.aggregate;

import dev.secondround.feedback.scorecard.Scorecard.Recommendation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response parts shared by the application summary and the job comparison. */
public final class AggregateApi {

    private AggregateApi() {
    }

    @Schema(name = "RecommendationCounts", description = "How many gave each overall recommendation, and the mean as a score "
            + "(STRONG_NO = 1, NO = 2, YES = 3, STRONG_YES = 4)")
    public record RecommendationCounts(
            @Schema(description = "STRONG_NO, NO, YES, STRONG_YES → how many (all four present)",
                    examples = "{\"STRONG_NO\": 0, \"NO\": 1, \"YES\": 4, \"STRONG_YES\": 1}") Map<Recommendation, Integer> counts,
            @Schema(description = "YES + STRONG_YES", examples = "5") int yesSide,
            @Schema(description = "NO + STRONG_NO", examples = "1") int noSide,
            @Schema(examples = "6") int total,
            @Schema(description = "Mean of the recommendations, one decimal; null without scorecards", examples = "3.0") BigDecimal score) {

        public static RecommendationCounts of(RoundTally tally) {
            return new RecommendationCounts(new LinkedHashMap<>(tally.recommendations()), tally.yesSide(), tally.noSide(),
                    tally.scorecards(), tally.score());
        }
    }

    @Schema(name = "RoundValue", description = "A mean in one round, and its change against the last earlier round that had one")
    public record RoundValue(@Schema(examples = "2") int round,
                             @Schema(description = "null when not rated in this round", examples = "2.4") BigDecimal value,
                             @Schema(description = "value minus the earlier round's (both rounded to one decimal)", examples = "-1.2") BigDecimal delta,
                             @Schema(examples = "1") Integer comparedWithRound) {

        public static RoundValue of(RoundChanges.Point p) {
            return new RoundValue(p.round(), p.value(), p.delta(), p.comparedWithRound());
        }
    }
}
