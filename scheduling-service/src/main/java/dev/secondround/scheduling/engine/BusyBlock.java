package dev.secondround.scheduling.engine;

import java.time.Instant;
import java.util.Objects;

/** A time a person cannot be booked: time off, or an existing booking or meeting. */
public record BusyBlock(Instant start, Instant end, Reason reason) {

    public enum Reason {
        /** Vacation, illness, leave: explanations call it "time off". */
        TIME_OFF,
        /** An existing booking or meeting: explanations call it "booked". */
        BOOKED
    }

    public BusyBlock {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        reason = reason == null ? Reason.BOOKED : reason;
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a busy block must end after it starts: " + start + " .. " + end);
        }
    }

    public static BusyBlock timeOff(Instant start, Instant end) {
        return new BusyBlock(start, end, Reason.TIME_OFF);
    }

    public static BusyBlock booked(Instant start, Instant end) {
        return new BusyBlock(start, end, Reason.BOOKED);
    }
}
