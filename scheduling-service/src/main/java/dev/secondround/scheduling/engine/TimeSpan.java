package dev.secondround.scheduling.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A half-open span of absolute time {@code [start, end)}. */
public record TimeSpan(Instant start, Instant end) {

    public TimeSpan {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a time span must end after it starts: " + start + " .. " + end);
        }
    }

    public static TimeSpan of(Instant start, Duration length) {
        return new TimeSpan(start, start.plus(length));
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    public boolean contains(Instant otherStart, Instant otherEnd) {
        return !otherStart.isBefore(start) && !otherEnd.isAfter(end);
    }

    /** Sorted, with overlapping and touching spans merged. */
    static List<TimeSpan> merged(List<TimeSpan> spans) {
        List<TimeSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(TimeSpan::start));
        List<TimeSpan> out = new ArrayList<>();
        for (TimeSpan s : sorted) {
            if (!out.isEmpty() && !s.start().isAfter(out.get(out.size() - 1).end())) {
                TimeSpan last = out.remove(out.size() - 1);
                out.add(new TimeSpan(last.start(), s.end().isAfter(last.end()) ? s.end() : last.end()));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
