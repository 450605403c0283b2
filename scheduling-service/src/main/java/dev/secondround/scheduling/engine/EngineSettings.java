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
 */
public record EngineSettings(ScoreWeights weights, Duration nearDuplicateWindow) {

    public static final EngineSettings DEFAULT = new EngineSettings(ScoreWeights.DEFAULT, Duration.ofMinutes(30));

    public EngineSettings {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(nearDuplicateWindow, "nearDuplicateWindow");
        if (nearDuplicateWindow.isNegative()) {
            throw new IllegalArgumentException("nearDuplicateWindow cannot be negative");
        }
    }

    /** Exact top-k over all distinct timetables, no diversification. */
    public static EngineSettings exhaustive() {
        return new EngineSettings(ScoreWeights.DEFAULT, Duration.ZERO);
    }

    public boolean diversify() {
        return !nearDuplicateWindow.isZero();
    }
}
