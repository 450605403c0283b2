package dev.secondround.scheduling.engine;

import java.util.Optional;

/** Someone in a session; {@code fromPool} says which pool they were picked from, empty when named. */
public record Participant(String personId, String displayName, Optional<String> fromPool) {

    public Participant {
        fromPool = fromPool == null ? Optional.empty() : fromPool;
    }
}
