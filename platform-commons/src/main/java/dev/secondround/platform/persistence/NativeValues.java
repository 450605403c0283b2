package dev.secondround.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read from native SQL rows, whose Java types depend on the driver and Hibernate's mapping. */
public final class NativeValues {

    private NativeValues() {
    }

    /** A {@code timestamptz} column as an instant (null stays null). */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
