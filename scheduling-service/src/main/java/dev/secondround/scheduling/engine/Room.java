package dev.secondround.scheduling.engine;

import java.util.List;
import java.util.Objects;

/** A bookable room with its seats and the times it is already taken. */
public record Room(String id, String name, int capacity, List<TimeSpan> busy) {

    public Room {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        busy = List.copyOf(busy == null ? List.of() : busy);
        if (capacity < 1) {
            throw new IllegalArgumentException("room " + id + " needs at least one seat");
        }
    }
}
