package dev.secondround.feedback.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.scorecard.Scorecard.Recommendation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of the panel summary: means, spreads, flags and the change between rounds. */
class RoundTallyTest {

    @Test
    void fourFourThreeOneIsAMeanOfThreeWithASpreadOfThreeAndIsFlagged() {
        RoundTally round = new RoundTally(2);
        for (int rating : new int[] {4, 4, 3, 1}) {
            round.addScorecard(Map.of("job_knowledge", rating, "communication", 3), Recommendation.YES);
        }
        RatingTally knowledge = round.attributes().get("job_knowledge");
        assertEquals(new BigDecimal("3.0"), knowledge.mean());
        assertEquals(1, knowledge.min());
        assertEquals(4, knowledge.max());
        assertEquals(3, knowledge.spread());
        assertEquals(List.of("job_knowledge"), round.wideSpreads());
        assertTrue(round.disagreement());
        assertFalse(round.splitRecommendation(), "everyone said yes");
        AttributeNames names = new AttributeNames();
        names.add("job_knowledge", "Job knowledge");
        assertEquals(List.of("Job knowledge: ratings from 1 to 4"), round.disagreementReasons(names));
    }

    @Test
    void wideSpreadsAreGivenInTheFormsOrderWhateverOrderTheScorecardsCameIn() {
        RoundTally round = new RoundTally(1);
        round.addScorecard(Map.of("enthusiasm", 1), Recommendation.YES);
        round.addScorecard(Map.of("enthusiasm", 4, "communication", 1), Recommendation.YES);
        round.addScorecard(Map.of("communication", 4), Recommendation.YES);
        AttributeNames names = new AttributeNames();
        names.add("communication", "Communication");
        names.add("enthusiasm", "Enthusiasm");
        assertEquals(List.of("Communication: ratings from 1 to 4", "Enthusiasm: ratings from 1 to 4"), round.disagreementReasons(names));
    }

    @Test
    void meansAreRoundedHalfUpToOneDecimal() {
        RatingTally t = new RatingTally();
        t.add(3);
        t.add(4);
        t.add(4);
        assertEquals(new BigDecimal("3.7"), t.mean(), "11 / 3 = 3.67");
        RatingTally half = new RatingTally();
        half.add(2);
        half.add(3);
        half.add(3);
        half.add(3);
        assertEquals(new BigDecimal("2.8"), half.mean(), "11 / 4 = 2.75 rounds up");
        assertNull(new RatingTally().mean());
    }

    @Test
    void aYesAndANoSplitThePanelAndAStrongNoAmongYesesIsADissent() {
        RoundTally agreed = tally(Recommendation.YES, Recommendation.STRONG_YES, Recommendation.YES);
        assertFalse(agreed.splitRecommendation());
        assertFalse(agreed.strongDissent());
        assertFalse(agreed.disagreement());
        assertEquals(new BigDecimal("3.3"), agreed.score(), "(3 + 4 + 3) / 3");

        RoundTally split = tally(Recommendation.YES, Recommendation.YES, Recommendation.NO);
        assertTrue(split.splitRecommendation());
        assertFalse(split.strongDissent(), "a plain no is not a strong dissent");
        assertEquals(List.of("Split recommendation: 2 yes, 1 no"), split.disagreementReasons(new AttributeNames()));

        RoundTally dissent = tally(Recommendation.YES, Recommendation.YES, Recommendation.YES, Recommendation.STRONG_NO);
        assertTrue(dissent.strongDissent());
        assertEquals(new BigDecimal("2.5"), dissent.score(), "(3 + 3 + 3 + 1) / 4");
        assertTrue(dissent.disagreementReasons(new AttributeNames()).contains("Strong dissent: 1 strong no against 3 yes"));

        RoundTally strongYesAmongNoes = tally(Recommendation.NO, Recommendation.STRONG_YES);
        assertTrue(strongYesAmongNoes.strongDissent());
    }

    @Test
    void aDatabaseAggregateCountsLikeTheScorecardsItCameFrom() {
        RoundTally fromRows = new RoundTally(1);
        fromRows.addRatings("team_fit", 4, 12, 1, 4);
        fromRows.addRecommendations(Recommendation.YES, 3);
        fromRows.addRecommendations(Recommendation.STRONG_NO, 1);
        assertEquals(new BigDecimal("3.0"), fromRows.attributes().get("team_fit").mean());
        assertEquals(4, fromRows.scorecards());
        assertTrue(fromRows.disagreement());
    }

    @Test
    void aSlipOfHalfAPointOrMoreSinceTheEarlierRoundIsSpelledOut() {
        RoundTally first = new RoundTally(1);
        for (int rating : new int[] {4, 4, 4, 3, 3}) {
            first.addScorecard(Map.of("professional_demeanour", rating, "communication", 3), Recommendation.YES);
        }
        RoundTally second = new RoundTally(2);
        for (int rating : new int[] {3, 2, 2, 3, 2}) {
            second.addScorecard(Map.of("professional_demeanour", rating, "communication", 3), rating == 2 ? Recommendation.NO : Recommendation.YES);
        }
        RoundChanges changes = new RoundChanges(List.of(first, second), List.of("professional_demeanour", "communication"),
                k -> k.equals("professional_demeanour") ? "Professional demeanour" : "Communication");
        RoundChanges.Point demeanour = changes.attributes().get("professional_demeanour").get(1);
        assertEquals(new BigDecimal("3.6"), changes.attributes().get("professional_demeanour").get(0).value());
        assertEquals(new BigDecimal("2.4"), demeanour.value());
        assertEquals(new BigDecimal("-1.2"), demeanour.delta());
        assertEquals(1, demeanour.comparedWithRound());
        assertEquals(new BigDecimal("0.0"), changes.attributes().get("communication").get(1).delta());
        assertEquals(List.of("Overall recommendation 3.0 → 2.4 since round 1", "Professional demeanour 3.6 → 2.4 since round 1"),
                changes.notable());
    }

    private static RoundTally tally(Recommendation... recommendations) {
        RoundTally tally = new RoundTally(1);
        for (Recommendation r : recommendations) {
            tally.addScorecard(Map.of("communication", 3), r);
        }
        return tally;
    }
}
