package dev.secondround.scheduling.engine;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A window of wall-clock time within one day, {@code [from, to]}: a session lies inside it when it
 * starts at or after {@code from} and ends at or before {@code to}. Used for working hours (in the
 * person's own zone) and for session windows (in the loop's zone).
 */
public record LocalTimeWindow(LocalTime from, LocalTime to) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public LocalTimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a time window must end after it starts: " + from + "–" + to);
        }
    }

    public static LocalTimeWindow of(String from, String to) {
        return new LocalTimeWindow(LocalTime.parse(from), LocalTime.parse(to));
    }

    public long minutes() {
        return java.time.Duration.between(from, to).toMinutes();
    }

    /** "11:30–13:30". */
    @Override
    public String toString() {
        return HH_MM.format(from) + "–" + HH_MM.format(to);
    }
}
