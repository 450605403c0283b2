package dev.secondround.scheduling.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * One reason a loop cannot be planned.
 *
 * @param kind    what sort of obstacle
 * @param subject who or what blocks: a person's display name, a pool id, a room, a session title,
 *                "candidate" or "order rules"
 * @param days    the days (in the loop's zone) it blocks; empty when it blocks every day by itself
 * @param message a sentence for a coordinator, naming the subject and the days
 */
public record Blocker(Kind kind, String subject, List<LocalDate> days, String message) {

    public enum Kind {
        CANDIDATE_UNAVAILABLE,
        PERSON_TIME_OFF,
        PERSON_NOT_WORKING,
        PERSON_BUSY,
        WORKING_HOURS_OUTSIDE_AVAILABILITY,
        DAILY_LIMIT,
        WEEKLY_LIMIT,
        POOL_TOO_SMALL,
        POOL_TOO_FEW_FREE,
        NO_ROOM_BIG_ENOUGH,
        NO_ROOM_FREE,
        SESSION_WINDOW,
        ORDER_RULES,
        SESSIONS_DO_NOT_FIT_TOGETHER,
        /** The search hit its step limit before it found an option or proved there is none. */
        SEARCH_STOPPED
    }

    public Blocker {
        days = List.copyOf(days);
    }

    @Override
    public String toString() {
        return message;
    }
}
