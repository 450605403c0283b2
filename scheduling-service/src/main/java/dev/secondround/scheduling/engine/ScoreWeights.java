package dev.secondround.scheduling.engine;

/**
 * Weights of the soft preferences. An option's score is the sum of penalty points, lower is better:
 * <ul>
 * <li><b>idle</b>: {@code idlePerMinute} per minute the candidate waits between sessions.</li>
 * <li><b>long-stretch</b>: a stretch is a run of sessions without rest; a rest is a BREAK or LUNCH
 * session or a gap of at least {@code restGapMinutes}. Each stretch longer than
 * {@code stretchMinutes} costs {@code longStretchPerMinute} per minute beyond it, so after about
 * 2.5 hours back-to-back a short break is preferred over none.</li>
 * <li><b>later-day</b>: {@code laterDayPerDay} per calendar day after the range's first day.</li>
 * <li><b>pool-load</b>: per person picked from a pool, {@code poolLoadPerInterview} per interview
 * they already have in the loop day's ISO week above the least-loaded member of that pool.</li>
 * <li><b>edge-of-hours</b>: per participant and session, {@code edgePerMinute} per minute the session
 * starts within {@code edgeMarginMinutes} after the start of the person's working hours or ends within
 * that margin before their end.</li>
 * </ul>
 */
public record ScoreWeights(int idlePerMinute, int restGapMinutes, int stretchMinutes, int longStretchPerMinute,
                           int laterDayPerDay, int poolLoadPerInterview, int edgeMarginMinutes, int edgePerMinute) {

    public static final ScoreWeights DEFAULT = new ScoreWeights(1, 10, 150, 2, 30, 10, 30, 1);

    public ScoreWeights {
        if (idlePerMinute < 0 || restGapMinutes < 1 || stretchMinutes < 0 || longStretchPerMinute < 0
                || laterDayPerDay < 0 || poolLoadPerInterview < 0 || edgeMarginMinutes < 0 || edgePerMinute < 0) {
            throw new IllegalArgumentException("score weights must not be negative (rest gap at least 1 minute)");
        }
    }
}
