package dev.secondround.candidate.application;

import static dev.secondround.candidate.application.ApplicationStage.APPLIED;
import static dev.secondround.candidate.application.ApplicationStage.FINALIST;
import static dev.secondround.candidate.application.ApplicationStage.HIRED;
import static dev.secondround.candidate.application.ApplicationStage.OFFER;
import static dev.secondround.candidate.application.ApplicationStage.REJECTED;
import static dev.secondround.candidate.application.ApplicationStage.ROUND;
import static dev.secondround.candidate.application.ApplicationStage.SCREENING;
import static dev.secondround.candidate.application.ApplicationStage.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The stage rules without a container. Plan of 3 rounds unless stated. */
class StageTransitionsTest {

    private static Optional<String> move(ApplicationStage from, Integer fromRound, ApplicationStage to, Integer toRound) {
        return StageTransitions.check(from, fromRound, to, toRound, 3);
    }

    @Test
    void theUsualPathIsAllowedStepByStep() {
        assertEquals(Optional.empty(), move(APPLIED, null, SCREENING, null));
        assertEquals(Optional.empty(), move(SCREENING, null, ROUND, 1));
        assertEquals(Optional.empty(), move(ROUND, 1, ROUND, 2));
        assertEquals(Optional.empty(), move(ROUND, 2, FINALIST, null));
        assertEquals(Optional.empty(), move(FINALIST, 2, OFFER, null));
        assertEquals(Optional.empty(), move(OFFER, 2, HIRED, null));
    }

    @Test
    void roundsCannotBeSkippedOrRepeatedOrExceedThePlan() {
        assertTrue(move(APPLIED, null, ROUND, 2).isPresent());
        assertTrue(move(ROUND, 1, ROUND, 3).isPresent());
        assertTrue(move(ROUND, 2, ROUND, 2).isPresent());
        assertTrue(move(ROUND, 2, ROUND, 1).isPresent());
        assertTrue(move(ROUND, 3, ROUND, 4).orElseThrow().contains("rounds 1 to 3"));
        assertTrue(move(ROUND, 1, ROUND, null).orElseThrow().contains("round is required"));
    }

    @Test
    void aFinalistMayBeAskedToOneMoreRound() {
        assertEquals(Optional.empty(), move(FINALIST, 2, ROUND, 3));
        assertTrue(move(FINALIST, 3, ROUND, 4).isPresent());
    }

    @Test
    void hiringNeedsAnOfferAndOffersNeedARound() {
        assertTrue(move(ROUND, 2, HIRED, null).isPresent());
        assertTrue(move(APPLIED, null, OFFER, null).isPresent());
        assertTrue(move(SCREENING, null, FINALIST, null).isPresent());
        assertEquals(Optional.empty(), move(ROUND, 3, OFFER, null));
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStage.class, names = {"APPLIED", "SCREENING", "ROUND", "FINALIST", "OFFER"})
    void anOpenApplicationCanAlwaysBeRejectedOrWithdrawn(ApplicationStage from) {
        Integer round = from == ROUND || from == FINALIST || from == OFFER ? 1 : null;
        assertEquals(Optional.empty(), move(from, round, REJECTED, null));
        assertEquals(Optional.empty(), move(from, round, WITHDRAWN, null));
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStage.class, names = {"HIRED", "REJECTED", "WITHDRAWN"})
    void closedApplicationsNeverMove(ApplicationStage from) {
        for (ApplicationStage to : ApplicationStage.values()) {
            Integer round = to == ROUND ? 1 : null;
            assertTrue(move(from, 2, to, round).isPresent(), from + " → " + to);
        }
    }

    @Test
    void roundOnlyGoesWithRoundAndNothingMovesBackToApplied() {
        assertTrue(move(APPLIED, null, SCREENING, 1).orElseThrow().contains("only when moving to ROUND"));
        assertTrue(move(SCREENING, null, APPLIED, null).isPresent());
        assertTrue(move(SCREENING, null, SCREENING, null).orElseThrow().contains("already"));
    }

    @Test
    void refusalsSayWhatIsAllowed() {
        assertTrue(move(APPLIED, null, HIRED, null).orElseThrow().contains("allowed: SCREENING, ROUND 1"));
        assertTrue(move(ROUND, 3, ROUND, 3).orElseThrow().contains("FINALIST"));
    }
}
