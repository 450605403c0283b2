package dev.secondround.scheduling.engine;

/**
 * The most interviews a person does per day and per ISO week (Monday to Sunday), both counted in the
 * person's own zone, including the ones this loop would add. Tours and lunches are not interviews.
 */
public record InterviewLimits(int perDay, int perWeek) {

    public static final InterviewLimits NONE = new InterviewLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public InterviewLimits {
        if (perDay < 0 || perWeek < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }
}
