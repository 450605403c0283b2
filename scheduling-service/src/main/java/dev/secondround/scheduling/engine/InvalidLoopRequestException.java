package dev.secondround.scheduling.engine;

import java.util.List;

/** The request itself is wrong (unknown people, cyclic order rules, ...); nothing was searched. */
public class InvalidLoopRequestException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidLoopRequestException(List<String> problems) {
        super("invalid loop request: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
