package dev.secondround.scheduling.engine;

import java.util.List;
import java.util.Objects;

/** What {@link SchedulingEngine#plan} answers: ranked options, or why there are none. */
public sealed interface ScheduleResult permits ScheduleResult.Options, ScheduleResult.NoOption {

    /**
     * Ranked best first; at most {@link LoopRequest#optionsWanted()}; never empty. {@code provenBest}
     * is false only when the search hit {@link EngineSettings#searchStepLimit()}: the options are
     * valid, but better ones may exist.
     */
    record Options(List<LoopOption> options, boolean provenBest) implements ScheduleResult {
        public Options {
            options = List.copyOf(options);
            if (options.isEmpty()) {
                throw new IllegalArgumentException("use NoOption when nothing fits");
            }
        }

        public LoopOption best() {
            return options.get(0);
        }
    }

    /**
     * Nothing fits in the date range and the explanation says what blocks; or, with a single
     * {@link Blocker.Kind#SEARCH_STOPPED} blocker, the search hit its step limit before finding anything.
     */
    record NoOption(Explanation explanation) implements ScheduleResult {
        public NoOption {
            Objects.requireNonNull(explanation, "explanation");
        }
    }

    /** The options, or an empty list when nothing fits. */
    default List<LoopOption> optionList() {
        return this instanceof Options o ? o.options() : List.of();
    }
}
