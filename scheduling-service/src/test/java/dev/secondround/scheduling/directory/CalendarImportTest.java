package dev.secondround.scheduling.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Reading busy times from real-world shaped .ics files, without a container. */
class CalendarImportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-07T00:00:00Z");

    private static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
    }

    private static String event(String... lines) {
        return "BEGIN:VEVENT\r\nDTSTAMP:20261101T000000Z\r\n" + String.join("\r\n", lines) + "\r\nEND:VEVENT\r\n";
    }

    @Test
    void recurringEventsAreExpandedInTheirOwnZoneAcrossTheWindow() throws Exception {
        var result = CalendarImport.read(calendar(event("UID:standup", "DTSTART;TZID=Europe/Berlin:20261123T093000",
                "DTEND;TZID=Europe/Berlin:20261123T094500", "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "SUMMARY:Stand-up")),
                BERLIN, FROM, TO);
        assertEquals(10, result.occurrences().size(), "two working weeks of stand-ups");
        assertEquals(Instant.parse("2026-11-23T08:30:00Z"), result.occurrences().stream().map(CalendarImport.Occurrence::start).min(Instant::compareTo).orElseThrow());
        assertTrue(result.occurrences().stream().allMatch(o -> o.summary().equals("Stand-up") && !o.allDay()));
    }

    @Test
    void allDayEventsAreWholeDaysOfTimeOffInTheInterviewersZone() throws Exception {
        var result = CalendarImport.read(calendar(event("UID:vacation", "DTSTART;VALUE=DATE:20261130",
                "DTEND;VALUE=DATE:20261202", "SUMMARY:Vacation")), BERLIN, FROM, TO);
        assertEquals(1, result.occurrences().size());
        var vacation = result.occurrences().get(0);
        assertTrue(vacation.allDay());
        assertEquals(Instant.parse("2026-11-29T23:00:00Z"), vacation.start());
        assertEquals(Instant.parse("2026-12-01T23:00:00Z"), vacation.end());
    }

    @Test
    void freeCancelledAndOutOfWindowEventsAreSkipped() throws Exception {
        var result = CalendarImport.read(calendar(
                event("UID:focus", "DTSTART:20261124T120000Z", "DTEND:20261124T130000Z", "TRANSP:TRANSPARENT"),
                event("UID:cancelled", "DTSTART:20261125T120000Z", "DTEND:20261125T130000Z", "STATUS:CANCELLED"),
                event("UID:last-year", "DTSTART:20251125T120000Z", "DTEND:20251125T130000Z"),
                event("UID:dentist", "DTSTART:20261126T120000Z", "DTEND:20261126T130000Z", "SUMMARY:Dentist")),
                BERLIN, FROM, TO);
        assertEquals(1, result.occurrences().size());
        assertEquals("dentist", result.occurrences().get(0).uid());
        assertEquals(3, result.skipped());
    }

    @Test
    void floatingTimesAreReadInTheInterviewersZone() throws Exception {
        var result = CalendarImport.read(calendar(event("UID:floating", "DTSTART:20261124T150000", "DTEND:20261124T160000")),
                BERLIN, FROM, TO);
        assertEquals(Instant.parse("2026-11-24T14:00:00Z"), result.occurrences().get(0).start());
    }

    @Test
    void somethingThatIsNotACalendarIsRefused() {
        assertThrows(CalendarImport.UnreadableCalendarException.class,
                () -> CalendarImport.read("hello, this is a PDF", BERLIN, FROM, TO));
    }
}
