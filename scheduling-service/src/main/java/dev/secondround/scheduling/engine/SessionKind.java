package dev.secondround.scheduling.engine;

/**
 * What a session of a loop is. Only {@link #INTERVIEW}, {@link #PANEL}, {@link #TECHNICAL} and
 * {@link #EXECUTIVE} count against an interviewer's daily and weekly interview limits; a tour and a
 * lunch occupy their hosts but are not interviews; a break has no participants at all.
 */
public enum SessionKind {
    INTERVIEW, PANEL, TECHNICAL, EXECUTIVE, TOUR, LUNCH, BREAK;

    /** Whether taking part counts against {@link InterviewLimits}. */
    public boolean countsAsInterview() {
        return this == INTERVIEW || this == PANEL || this == TECHNICAL || this == EXECUTIVE;
    }

    /** Whether the candidate rests during it (it ends a stretch of back-to-back sessions). */
    public boolean isRest() {
        return this == BREAK || this == LUNCH;
    }

    /** Lower-case name for messages ("technical", "lunch"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
