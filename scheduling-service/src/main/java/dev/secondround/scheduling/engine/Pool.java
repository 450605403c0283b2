package dev.secondround.scheduling.engine;

import java.util.List;
import java.util.Objects;

/** A named group of interchangeable people, e.g. "java-technical" or "tour-guides". */
public record Pool(String id, String name, List<String> memberIds) {

    public Pool {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        memberIds = List.copyOf(memberIds == null ? List.of() : memberIds);
    }
}
