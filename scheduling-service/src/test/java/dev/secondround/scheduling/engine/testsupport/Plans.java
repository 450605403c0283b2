package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.EngineSettings;
import dev.secondround.scheduling.engine.Explanation;
import dev.secondround.scheduling.engine.LoopOption;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.ScheduleResult;
import dev.secondround.scheduling.engine.SchedulingEngine;
import dev.secondround.scheduling.engine.ScoreWeights;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the engine and checks every option it returns with {@link IndependentRules}. */
public final class Plans {

    private Plans() {
    }

    /** Default settings; every option is checked against the independent rules. */
    public static ScheduleResult plan(LoopRequest req, Directory dir) {
        return plan(EngineSettings.DEFAULT, req, dir);
    }

    public static ScheduleResult plan(EngineSettings settings, LoopRequest req, Directory dir) {
        ScheduleResult result = new SchedulingEngine(settings).plan(req, dir);
        for (LoopOption o : result.optionList()) {
            List<String> v = IndependentRules.violations(req, dir, o);
            assertTrue(v.isEmpty(), "option " + o.rank() + " breaks hard constraints: " + v);
            assertEquals(IndependentRules.score(req, dir, ScoreWeights.DEFAULT, o), o.score().total(),
                    "option " + o.rank() + " reports a score the independent scorer disagrees with");
        }
        return result;
    }

    /** The options; fails when there are none, showing the explanation. */
    public static List<LoopOption> options(LoopRequest req, Directory dir) {
        return options(EngineSettings.DEFAULT, req, dir);
    }

    public static List<LoopOption> options(EngineSettings settings, LoopRequest req, Directory dir) {
        ScheduleResult r = plan(settings, req, dir);
        if (r instanceof ScheduleResult.NoOption no) {
            throw new AssertionError("expected options, got:\n" + no.explanation().text());
        }
        return r.optionList();
    }

    /** The explanation; fails when there are options. */
    public static Explanation noOption(LoopRequest req, Directory dir) {
        ScheduleResult r = plan(req, dir);
        assertInstanceOf(ScheduleResult.NoOption.class, r, () -> "expected no option, got " + r.optionList());
        return ((ScheduleResult.NoOption) r).explanation();
    }
}
