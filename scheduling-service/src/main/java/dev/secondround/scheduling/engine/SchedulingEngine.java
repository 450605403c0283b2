package dev.secondround.scheduling.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans second-round loops: the best k complete timetables for a {@link LoopRequest} against a
 * {@link Directory}, or an {@link Explanation} of what blocks. Plain Java, no container, no shared
 * state: one instance may serve concurrent calls.
 *
 * <p>Hard constraints: the candidate is in one session at a time and the whole loop lies on one day
 * in the loop's zone; every session lies inside one candidate availability window and inside its
 * own session window; every participant is within their working hours (in their own zone), on no
 * time off or existing booking, and within their daily and weekly interview limits counting this
 * loop's interviews; a person appears at most once per session; in-person sessions get a free room
 * seating everyone; order rules hold. Soft preferences are scored as described in
 * {@link ScoreWeights}; lower scores rank first.
 *
 * <p>Search: day by day (earliest first, stopping when the day penalty alone cannot beat the kept
 * options), an exact branch and bound over session order, start times on the grid and pool picks;
 * see {@code docs/adr/0005-scheduling-engine.md}.
 */
public final class SchedulingEngine {

    private final EngineSettings settings;
    private final boolean memo;

    public SchedulingEngine() {
        this(EngineSettings.DEFAULT);
    }

    public SchedulingEngine(EngineSettings settings) {
        this(settings, true);
    }

    /** For tests: the search without its transposition table must find the same scores, only slower. */
    SchedulingEngine(EngineSettings settings, boolean memo) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.memo = memo;
    }

    /**
     * The best {@link LoopRequest#optionsWanted()} options, ranked, or why there are none.
     *
     * @throws InvalidLoopRequestException when the request names unknown people, pools or sessions,
     *                                     contradicts itself, or uses an unsupported grid
     */
    public ScheduleResult plan(LoopRequest request, Directory directory) {
        Problem pb = Problem.of(request, directory, settings, memo);
        OptionCollector collector = new OptionCollector(request.optionsWanted(),
                settings.nearDuplicateWindow().getSeconds());
        SearchBudget budget = new SearchBudget(settings.searchStepLimit());
        int offset = 0;
        for (LocalDate d = request.firstDay(); !d.isAfter(request.lastDay()) && !budget.exhausted();
             d = d.plusDays(1), offset++) {
            int dayPenalty = offset * pb.weights.laterDayPerDay();
            if (collector.full() && dayPenalty >= collector.bound()) {
                break;
            }
            LoopSearch.search(pb, new DayModel(pb, d, offset), collector, budget);
        }
        if (collector.isEmpty()) {
            return new ScheduleResult.NoOption(budget.exhausted()
                    ? Explainer.stopped(pb, settings.searchStepLimit())
                    : Explainer.explain(pb, new SearchBudget(settings.searchStepLimit())));
        }
        List<LoopOption> options = new ArrayList<>();
        for (Candidate c : collector.ranked()) {
            options.add(OptionAssembler.assemble(pb, c, options.size() + 1));
        }
        return new ScheduleResult.Options(options, !budget.exhausted());
    }
}
