package dev.secondround.scheduling.engine;

import dev.secondround.scheduling.engine.testsupport.BruteForceOracle;
import dev.secondround.scheduling.engine.testsupport.IndependentRules;
import dev.secondround.scheduling.engine.testsupport.RandomInstances;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property tests on 300 small random instances (seeds 1..300, printed on failure): the engine's best
 * option has exactly the best score an exhaustive enumeration finds; in exhaustive mode its k options
 * have exactly the k best scores; every option passes the independent hard-constraint checker and
 * reports the independently computed score; the engine finds nothing exactly when the oracle does.
 */
class EngineMatchesBruteForceOracleTest {

    /** {@code -Doracle.instances=3000 -Doracle.firstSeed=1000} for a longer run by hand. */
    private static final int INSTANCES = Integer.getInteger("oracle.instances", 300);
    private static final long FIRST_SEED = Long.getLong("oracle.firstSeed", 1);

    @Test
    void bestScoreEqualsOracleAndEveryOptionIsValid() {
        List<String> failures = new ArrayList<>();
        int feasible = 0;
        long oracleMs = 0;
        long engineMs = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + INSTANCES; seed++) {
            RandomInstances.Instance in = RandomInstances.generate(seed);
            try {
                long t0 = System.nanoTime();
                List<Integer> oracle = BruteForceOracle.allScores(in.request(), in.directory(), ScoreWeights.DEFAULT);
                long t1 = System.nanoTime();
                ScheduleResult diversified = new SchedulingEngine().plan(in.request(), in.directory());
                ScheduleResult exhaustive = new SchedulingEngine(EngineSettings.exhaustive())
                        .plan(in.request(), in.directory());
                long t2 = System.nanoTime();
                oracleMs += (t1 - t0) / 1_000_000;
                engineMs += (t2 - t1) / 1_000_000;
                feasible += oracle.isEmpty() ? 0 : 1;
                String problem = compare(in, oracle, diversified, exhaustive);
                if (problem != null) {
                    failures.add("seed " + seed + ": " + problem);
                }
            } catch (RuntimeException | AssertionError e) {
                failures.add("seed " + seed + ": " + e);
            }
        }
        System.out.printf("oracle property test: seeds %d..%d, %d feasible, oracle %d ms, engine %d ms%n",
                FIRST_SEED, FIRST_SEED + INSTANCES - 1, feasible, oracleMs, engineMs);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + INSTANCES + " instances disagree:\n" + String.join("\n",
                    failures.subList(0, Math.min(20, failures.size()))));
        }
        assertTrue(feasible > INSTANCES / 5 && feasible < INSTANCES * 4 / 5,
                "the generator should give a mix of feasible and infeasible instances, got " + feasible);
    }

    private static String compare(RandomInstances.Instance in, List<Integer> oracle, ScheduleResult diversified,
                                  ScheduleResult exhaustive) {
        if (oracle.isEmpty()) {
            if (!(diversified instanceof ScheduleResult.NoOption no) || !(exhaustive instanceof ScheduleResult.NoOption)) {
                return "oracle finds nothing, engine finds " + diversified.optionList().size() + " options";
            }
            if (no.explanation().blockers().isEmpty()) {
                return "no option but an empty explanation";
            }
            return null;
        }
        if (!(diversified instanceof ScheduleResult.Options)) {
            return "oracle finds " + oracle.size() + " timetables (best " + oracle.get(0) + "), engine none: "
                    + ((ScheduleResult.NoOption) diversified).explanation();
        }
        for (ScheduleResult result : List.of(diversified, exhaustive)) {
            for (LoopOption o : result.optionList()) {
                List<String> v = IndependentRules.violations(in.request(), in.directory(), o);
                if (!v.isEmpty()) {
                    return "option " + o.rank() + " breaks " + v;
                }
                int independent = IndependentRules.score(in.request(), in.directory(), ScoreWeights.DEFAULT, o);
                if (independent != o.score().total()) {
                    return "option " + o.rank() + " reports " + o.score().total() + ", independent score "
                            + independent;
                }
            }
        }
        int best = diversified.optionList().get(0).score().total();
        if (best != oracle.get(0)) {
            return "engine best " + best + ", oracle best " + oracle.get(0);
        }
        int k = in.request().optionsWanted();
        List<Integer> expected = oracle.subList(0, Math.min(k, oracle.size()));
        List<Integer> got = exhaustive.optionList().stream().map(o -> o.score().total()).toList();
        if (!expected.equals(got)) {
            return "exhaustive top-" + k + " scores " + got + ", oracle " + expected;
        }
        List<Integer> diversifiedScores = diversified.optionList().stream().map(o -> o.score().total()).toList();
        for (int i = 1; i < diversifiedScores.size(); i++) {
            if (diversifiedScores.get(i) < diversifiedScores.get(i - 1)) {
                return "options not ranked by score: " + diversifiedScores;
            }
        }
        assertEquals(diversified.optionList().size(), Math.min(diversified.optionList().size(), k));
        return null;
    }
}
