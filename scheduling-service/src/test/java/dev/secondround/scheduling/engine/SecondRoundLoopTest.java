package dev.secondround.scheduling.engine;

import dev.secondround.scheduling.engine.testsupport.IndependentRules;
import dev.secondround.scheduling.engine.testsupport.RealisticInstances;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static dev.secondround.scheduling.engine.testsupport.Loops.FRIDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.MONDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.OSLO;
import static dev.secondround.scheduling.engine.testsupport.Loops.request;
import static dev.secondround.scheduling.engine.testsupport.Loops.secondRoundDirectory;
import static dev.secondround.scheduling.engine.testsupport.Loops.secondRoundSessions;
import static dev.secondround.scheduling.engine.testsupport.Plans.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue's loop end to end, and the search's shortcuts checked against each other on realistic instances. */
class SecondRoundLoopTest {

    private final LoopRequest dana = request(MONDAY, FRIDAY, secondRoundSessions(), OrderRule.first("hm"));

    @Test
    void fiveRankedDistinctOptionsForTheIssuesLoop() {
        List<LoopOption> options = options(dana, secondRoundDirectory());
        assertEquals(5, options.size());
        for (int i = 0; i < options.size(); i++) {
            LoopOption o = options.get(i);
            assertEquals(i + 1, o.rank());
            if (i > 0) {
                assertTrue(options.get(i - 1).score().total() <= o.score().total(), "ranked by score");
            }
            assertEquals("hm", o.sessions().get(0).sessionId());
            ScheduledSession lunch = o.session("lunch");
            assertFalse(lunch.start().atZone(OSLO).toLocalTime().isBefore(LocalTime.of(11, 30)));
            assertFalse(lunch.end().atZone(OSLO).toLocalTime().isAfter(LocalTime.of(13, 30)));
            assertEquals(2, lunch.participants().stream().filter(p -> p.fromPool().equals(Optional.of("team"))).count());
            assertEquals(Optional.of("java-technical"), o.session("tech").participants().get(0).fromPool());
            assertTrue(o.session("panel").venue() instanceof Venue.InRoom room && room.capacity() >= 3);
            assertEquals(6, o.sessions().size());
            for (int j = 0; j < i; j++) {
                LoopOption other = options.get(j);
                assertTrue(!other.day().equals(o.day())
                                || Duration.between(other.start(), o.start()).abs().toMinutes() >= 30,
                        "options on one day start at least 30 minutes apart");
            }
        }
        assertEquals(options, options(dana, secondRoundDirectory()), "deterministic");
    }

    @Test
    void theSearchStopsAtItsStepLimitWithValidOptionsMarkedNotProvenBest() {
        ScheduleResult full = new SchedulingEngine().plan(dana, secondRoundDirectory());
        assertTrue(((ScheduleResult.Options) full).provenBest());

        ScheduleResult cut = dev.secondround.scheduling.engine.testsupport.Plans.plan(
                EngineSettings.DEFAULT.withSearchStepLimit(200), dana, secondRoundDirectory());
        ScheduleResult.Options partial = (ScheduleResult.Options) cut;
        assertFalse(partial.provenBest());
        assertTrue(partial.options().size() < 5, "stopped early: " + partial.options().size());

        ScheduleResult none = new SchedulingEngine(EngineSettings.DEFAULT.withSearchStepLimit(3))
                .plan(dana, secondRoundDirectory());
        Explanation e = ((ScheduleResult.NoOption) none).explanation();
        assertEquals(Blocker.Kind.SEARCH_STOPPED, e.blockers().get(0).kind());
        assertTrue(e.summary().contains("stopped"), e.summary());
    }

    @Test
    void shortcutsAgreeWithThePlainSearchOnRealisticInstances() {
        // the transposition table and the per-start-time grouping only prune; the best score must
        // not change (exhaustive mode without the table is the plain branch and bound)
        SchedulingEngine fast = new SchedulingEngine();
        SchedulingEngine plain = new SchedulingEngine(EngineSettings.exhaustive(), false);
        SchedulingEngine exhaustive = new SchedulingEngine(EngineSettings.exhaustive());
        int withOptions = 0;
        for (long seed = 0; seed < 24; seed++) {
            RealisticInstances.Instance in = RealisticInstances.generate(seed, 0.45);
            if (seed % 2 == 1) {
                // the hiring manager twice and two sessions from the Java pool: limits can bind, so the
                // memo keys on how many interviews those people already have in this loop
                in = RealisticInstances.withDesignAndWrapUp(in);
            }
            LoopRequest req = in.request();
            ScheduleResult a = fast.plan(req, in.directory());
            ScheduleResult b = plain.plan(req, in.directory());
            ScheduleResult c = exhaustive.plan(req, in.directory());
            assertEquals(b.optionList().isEmpty(), a.optionList().isEmpty(), "seed " + seed);
            if (b.optionList().isEmpty()) {
                continue;
            }
            withOptions++;
            assertEquals(b.optionList().get(0).score().total(), a.optionList().get(0).score().total(), "seed " + seed);
            assertEquals(b.optionList().stream().map(o -> o.score().total()).toList(),
                    c.optionList().stream().map(o -> o.score().total()).toList(), "seed " + seed);
            for (LoopOption o : a.optionList()) {
                assertEquals(List.of(), IndependentRules.violations(req, in.directory(), o), "seed " + seed);
            }
        }
        assertTrue(withOptions >= 10, "enough instances with options to compare: " + withOptions);
    }
}
