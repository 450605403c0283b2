package dev.secondround.scheduling.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Why nothing fits: a one-line summary and the blockers, most general first. */
public record Explanation(String summary, List<Blocker> blockers) {

    public Explanation {
        blockers = List.copyOf(blockers);
    }

    /** Summary and one blocker per line, ready to show a coordinator. */
    public String text() {
        return summary + blockers.stream().map(b -> "\n- " + b.message()).collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return text();
    }
}
