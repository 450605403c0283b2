package dev.secondround.scheduling.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One complete timetable for the loop.
 *
 * @param rank     1 for the best option
 * @param day      the calendar day in the loop's zone
 * @param sessions in the order the candidate attends them
 * @param score    penalty points, lower is better, with their breakdown
 */
public record LoopOption(int rank, LocalDate day, List<ScheduledSession> sessions, Score score) {

    public LoopOption {
        sessions = List.copyOf(sessions);
    }

    public Instant start() {
        return sessions.get(0).start();
    }

    public Instant end() {
        return sessions.get(sessions.size() - 1).end();
    }

    public ScheduledSession session(String sessionId) {
        return sessions.stream().filter(s -> s.sessionId().equals(sessionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
    }
}
