package dev.secondround.scheduling.directory;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Reads busy times out of an RFC 5545 calendar (an Outlook/Google export or free/busy feed): every
 * occurrence of every event inside the import window, recurring ones expanded. Free events
 * (TRANSP:TRANSPARENT) and cancelled ones are skipped; all-day events are time off.
 * Plain Java (ical4j), no container, so it is unit-tested directly.
 */
public final class CalendarImport {

    private CalendarImport() {
    }

    /** One busy occurrence found in the calendar. */
    public record Occurrence(String uid, Instant start, Instant end, boolean allDay, String summary) {
    }

    public record Result(List<Occurrence> occurrences, int skipped, List<String> warnings) {
    }

    public static class UnreadableCalendarException extends Exception {
        UnreadableCalendarException(String message) {
            super(message);
        }
    }

    /**
     * @param zone the interviewer's zone, for all-day and floating (zone-less) times
     */
    public static Result read(String ics, ZoneId zone, Instant windowStart, Instant windowEnd) throws UnreadableCalendarException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException | RuntimeException e) {
            throw new UnreadableCalendarException("not a readable iCalendar (RFC 5545) file"
                    + (e instanceof ParserException p ? " (line " + p.getLineNo() + ")" : ""));
        }
        List<Occurrence> occurrences = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int skipped = 0;
        Period<ZonedDateTime> window = new Period<>(windowStart.atZone(zone), windowEnd.atZone(zone));
        for (Object component : calendar.getComponents()) {
            if (!(component instanceof VEvent event)) {
                continue;
            }
            String uid = text(event, Property.UID).orElse(null);
            String summary = text(event, Property.SUMMARY).orElse(null);
            if (text(event, Property.TRANSP).map("TRANSPARENT"::equalsIgnoreCase).orElse(false)
                    || text(event, Property.STATUS).map("CANCELLED"::equalsIgnoreCase).orElse(false)) {
                skipped++;
                continue;
            }
            if (event.getStartDate().isEmpty()) {
                warnings.add("event " + (uid == null ? "without UID" : uid) + " has no start; skipped");
                skipped++;
                continue;
            }
            boolean allDay = event.getStartDate().get().getDate() instanceof LocalDate;
            java.util.Set<Period<Temporal>> periods;
            try {
                periods = event.calculateRecurrenceSet(window);
            } catch (RuntimeException e) {
                warnings.add("event " + (uid == null ? "without UID" : uid) + " could not be expanded; skipped");
                skipped++;
                continue;
            }
            if (periods.isEmpty()) {
                skipped++;
            }
            for (Period<Temporal> period : periods) {
                Instant start = instant(period.getStart(), zone);
                Instant end = instant(period.getEnd(), zone);
                if (!end.isAfter(start)) {
                    // A zero-length or all-day event without an end: a day (all-day) or nothing (timed).
                    if (!allDay) {
                        skipped++;
                        continue;
                    }
                    end = start.atZone(zone).plusDays(1).toInstant();
                }
                if (!end.isAfter(windowStart) || !start.isBefore(windowEnd)) {
                    skipped++;
                    continue;
                }
                occurrences.add(new Occurrence(uid, start, end, allDay, summary));
            }
        }
        return new Result(occurrences, skipped, warnings);
    }

    private static Optional<String> text(VEvent event, String property) {
        Optional<Property> value = event.getProperty(property);
        return value.map(Property::getValue).map(String::strip).filter(v -> !v.isEmpty());
    }

    static Instant instant(Temporal temporal, ZoneId zone) {
        if (temporal instanceof Instant instant) {
            return instant;
        }
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (temporal instanceof LocalDateTime floating) {
            return floating.atZone(zone).toInstant();
        }
        if (temporal instanceof LocalDate date) {
            return date.atStartOfDay(zone).toInstant();
        }
        throw new IllegalArgumentException("unsupported calendar time " + temporal.getClass().getSimpleName());
    }
}
