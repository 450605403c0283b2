package dev.secondround.scheduling.engine;

import java.time.Instant;
import java.util.List;

/** A session placed in time, with its people and its venue. */
public record ScheduledSession(String sessionId, String title, SessionKind kind, Instant start, Instant end,
                               List<Participant> participants, Venue venue) {

    public ScheduledSession {
        participants = List.copyOf(participants);
    }

    public List<String> personIds() {
        return participants.stream().map(Participant::personId).toList();
    }
}
