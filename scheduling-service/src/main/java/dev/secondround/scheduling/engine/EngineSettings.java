package dev.secondround.scheduling.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the engine ranks and diversifies.
 *
 * @param weights              the soft preferences' weights
 * @param nearDuplicateWindow  two options on the same day whose loops start less than this apart are
 *                             near-duplicates (the same offer to the candidate, a few minutes
 *                             shifted or reshuffled); only the better one is kept. {@link Duration#ZERO}
 *                             turns this off: then the k options are the k best distinct timetables
 *                             (distinct in times or people), however similar
 * @param searchStepLimit      safety net: after this many search steps (placements of a session) the
 *                             engine stops and returns what it has, marked as not proven best. The
 *                             default, 10 million, takes a few hundred milliseconds here; the benchmark's
 *                             loops need at most about 50,000 (six sessions) to 500,000 (eight)
 */
public record EngineSettings(ScoreWeights weights, Duration nearDuplicateWindow, long searchStepLimit) {

    public static final long DEFAULT_STEP_LIMIT = 10_000_000L;
    public static final EngineSettings DEFAULT = new EngineSettings(ScoreWeights.DEFAULT, Duration.ofMinutes(30),
            DEFAULT_STEP_LIMIT);

    public EngineSettings {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(nearDuplicateWindow, "nearDuplicateWindow");
        if (nearDuplicateWindow.isNegative()) {
            throw new IllegalArgumentException("nearDuplicateWindow cannot be negative");
        }
        if (searchStepLimit < 1) {
            throw new IllegalArgumentException("searchStepLimit must be positive");
        }
    }

    public EngineSettings(ScoreWeights weights, Duration nearDuplicateWindow) {
        this(weights, nearDuplicateWindow, DEFAULT_STEP_LIMIT);
    }

    /** Exact top-k over all distinct timetables, no diversification. */
    public static EngineSettings exhaustive() {
        return new EngineSettings(ScoreWeights.DEFAULT, Duration.ZERO, DEFAULT_STEP_LIMIT);
    }

    public EngineSettings withSearchStepLimit(long limit) {
        return new EngineSettings(weights, nearDuplicateWindow, limit);
    }

    public boolean diversify() {
        return !nearDuplicateWindow.isZero();
    }
}
