package dev.secondround.scheduling.engine;

import dev.secondround.scheduling.engine.testsupport.Loops;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static dev.secondround.scheduling.engine.testsupport.Loops.FRIDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.MONDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.OSLO;
import static dev.secondround.scheduling.engine.testsupport.Loops.TUESDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.WEDNESDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.booked;
import static dev.secondround.scheduling.engine.testsupport.Loops.directory;
import static dev.secondround.scheduling.engine.testsupport.Loops.interview;
import static dev.secondround.scheduling.engine.testsupport.Loops.person;
import static dev.secondround.scheduling.engine.testsupport.Loops.pool;
import static dev.secondround.scheduling.engine.testsupport.Loops.request;
import static dev.secondround.scheduling.engine.testsupport.Loops.room;
import static dev.secondround.scheduling.engine.testsupport.Loops.span;
import static dev.secondround.scheduling.engine.testsupport.Plans.noOption;
import static dev.secondround.scheduling.engine.testsupport.Plans.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per hard constraint: with the obstacle no option breaks the constraint (often none is
 * left), and the near-identical instance without it does produce the option the obstacle forbade.
 * Every option of every plan here is also checked by the independent checker (see Plans).
 */
class HardConstraintsTest {

    /** Exact top k without near-duplicate collapsing: every valid timetable can show up. */
    private static final EngineSettings ALL = EngineSettings.exhaustive();

    private static LocalTime local(Instant i) {
        return i.atZone(OSLO).toLocalTime();
    }

    private static LoopRequest onlyAvailable(LoopRequest req, TimeSpan... windows) {
        return req.withCandidateAvailability(List.of(windows));
    }

    private static void allOn(LocalDate day, List<LoopOption> options) {
        assertFalse(options.isEmpty());
        for (LoopOption o : options) {
            assertEquals(day, o.day(), "option " + o.rank());
        }
    }

    @Test
    void candidateAttendsOneSessionAtATime() {
        Directory dir = directory(person("a", "Ana Lima"), person("b", "Bo Berg"));
        LoopRequest req = request(MONDAY, interview("one", 60, "a"), interview("two", 60, "b"));

        // one free hour: the two sessions would have to overlap
        noOption(onlyAvailable(req, span(MONDAY, "10:00", "11:00")), dir);

        List<LoopOption> options = options(ALL, onlyAvailable(req, span(MONDAY, "10:00", "12:00")), dir);
        assertEquals(2, options.size(), "one-two or two-one, back to back");
        for (LoopOption o : options) {
            assertEquals(o.sessions().get(0).end(), o.sessions().get(1).start());
        }
    }

    @Test
    void wholeLoopLiesOnOneCalendarDayInTheLoopsZone() {
        // Oslo people work 13:00–21:00 Oslo = 21:00–05:00 Tokyo; the candidate is free four hours
        // across Tokyo's midnight, which is one afternoon in Oslo
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Directory dir = directory(person("a", "Ana Lima", OSLO, "13:00", "21:00"),
                person("b", "Bo Berg", OSLO, "13:00", "21:00"));
        TimeSpan acrossTokyoMidnight = span(TUESDAY, "13:00", "17:00");
        List<SessionRequest> sessions = List.of(interview("one", 120, "a"), interview("two", 120, "b"));

        noOption(new LoopRequest(tokyo, TUESDAY, WEDNESDAY, List.of(acrossTokyoMidnight), sessions, List.of()), dir);

        LoopRequest osloLoop = new LoopRequest(OSLO, TUESDAY, WEDNESDAY, List.of(acrossTokyoMidnight), sessions,
                List.of());
        LoopOption best = options(osloLoop, dir).get(0);
        assertEquals(TUESDAY, best.day());
        assertEquals(Loops.at(TUESDAY, "13:00"), best.start());
    }

    @Test
    void everySessionLiesInsideACandidateAvailabilityWindow() {
        Directory dir = directory(person("a", "Ana Lima"), person("b", "Bo Berg"));
        LoopRequest one = request(MONDAY, interview("one", 60, "a"));

        noOption(onlyAvailable(one, span(MONDAY, "10:00", "10:55")), dir);
        List<LoopOption> fits = options(ALL, onlyAvailable(one, span(MONDAY, "10:00", "11:00")), dir);
        assertEquals(1, fits.size());
        assertEquals(LocalTime.of(10, 0), local(fits.get(0).start()));

        // two windows: each session inside one of them, the candidate waits in between
        LoopRequest two = onlyAvailable(request(MONDAY, interview("one", 60, "a"), interview("two", 60, "b")),
                span(MONDAY, "09:30", "10:30"), span(MONDAY, "14:00", "15:00"));
        for (LoopOption o : options(ALL, two, dir)) {
            assertEquals(LocalTime.of(9, 30), local(o.sessions().get(0).start()));
            assertEquals(LocalTime.of(14, 0), local(o.sessions().get(1).start()));
        }
    }

    @Test
    void nobodyIsDoubleBookedAgainstTheirExistingBookings() {
        Interviewer ana = person("a", "Ana Lima")
                .withBusy(List.of(booked(MONDAY, "09:00", "12:00"), booked(MONDAY, "13:00", "17:00")));
        LoopRequest req = request(MONDAY, interview("one", 60, "a"));

        List<LoopOption> options = options(ALL, req, directory(ana));
        assertEquals(1, options.size());
        assertEquals(LocalTime.of(12, 0), local(options.get(0).start()));

        // a five-minute call in the middle of the only free hour
        noOption(req, directory(ana.withBusy(List.of(booked(MONDAY, "09:00", "12:00"), booked(MONDAY, "12:20", "12:25"),
                booked(MONDAY, "13:00", "17:00")))));
    }

    @Test
    void aPersonIsNeverPickedTwiceForOneSessionAndMayDoTwoSessionsOneAfterTheOther() {
        Directory withBo = new Directory(List.of(person("a", "Ana Lima"), person("b", "Bo Berg")),
                List.of(pool("java", "a", "b")), List.of());
        SessionRequest panel = SessionRequest.of("panel", SessionKind.PANEL, Duration.ofMinutes(60))
                .withPeople("a").withFromPool("java", 1);
        for (LoopOption o : options(ALL, request(MONDAY, panel), withBo)) {
            assertEquals(List.of("a", "b"), o.sessions().get(0).personIds());
        }
        Directory onlyAna = new Directory(withBo.people(), List.of(pool("java", "a")), List.of());
        noOption(request(MONDAY, panel), onlyAna);

        // Ana in two sessions: both scheduled, one after the other (the candidate attends both)
        LoopRequest twice = onlyAvailable(request(MONDAY, interview("one", 60, "a"), interview("two", 60, "a")),
                span(MONDAY, "10:00", "12:00"));
        assertEquals(2, options(ALL, twice, withBo).size());
    }

    @Test
    void everyoneIsWithinTheirWorkingHoursInTheirOwnZone() {
        // Berlin 09–17 is 08–16 UTC, New York 09–17 is 14–22 UTC: they overlap 14:00–16:00 in London
        ZoneId london = Loops.LONDON;
        Interviewer berlin = person("ber", "Anh Nguyen", Loops.BERLIN, "09:00", "17:00");
        Interviewer newYork = person("nyc", "Jordan Rivera", Loops.NEW_YORK, "09:00", "17:00");
        SessionRequest panel = SessionRequest.of("panel", SessionKind.PANEL, Duration.ofMinutes(120))
                .withPeople("ber", "nyc");
        LoopRequest req = new LoopRequest(london, TUESDAY, TUESDAY, List.of(span(TUESDAY, "07:00", "23:00", london)),
                List.of(panel), List.of());

        List<LoopOption> options = options(ALL, req, directory(berlin, newYork));
        assertEquals(1, options.size());
        assertEquals(Loops.at(TUESDAY, "14:00", london), options.get(0).start());
        assertEquals(Loops.at(TUESDAY, "16:00", london), options.get(0).end());

        LoopRequest longer = req.withSessions(List.of(SessionRequest.of("panel", SessionKind.PANEL,
                Duration.ofMinutes(150)).withPeople("ber", "nyc")));
        noOption(longer, directory(berlin, newYork));
        options(longer, directory(berlin, person("nyc", "Jordan Rivera", Loops.BERLIN, "09:00", "17:00")));
    }

    @Test
    void nobodyIsScheduledOnTimeOff() {
        Interviewer ana = person("a", "Ana Lima");
        LoopRequest req = request(MONDAY, TUESDAY, List.of(interview("one", 60, "a")));

        assertEquals(MONDAY, options(req, directory(ana)).get(0).day());
        allOn(TUESDAY, options(ALL, req, directory(ana.withBusy(List.of(Loops.timeOff(MONDAY, MONDAY))))));
    }

    @Nested
    class Rooms {

        private final List<Interviewer> people = List.of(person("a", "Ana Lima"), person("b", "Bo Berg"),
                person("c", "Cai Chen"));
        private final SessionRequest panel = SessionRequest.of("panel", SessionKind.PANEL, Duration.ofMinutes(60))
                .withPeople("a", "b", "c").withRoom(RoomNeed.IN_PERSON);

        private Directory with(Room... rooms) {
            return new Directory(people, List.of(), List.of(rooms));
        }

        @Test
        void roomSeatsEveryParticipantPlusTheCandidate() {
            noOption(request(MONDAY, panel), with(room("Bu", 3)));
            for (LoopOption o : options(request(MONDAY, panel), with(room("Bu", 3), room("Fjord", 4)))) {
                assertEquals(new Venue.InRoom("Fjord", "Fjord", 4), o.sessions().get(0).venue());
            }
        }

        @Test
        void roomIsFree() {
            noOption(request(MONDAY, panel), with(room("Fjord", 4, span(MONDAY, "00:00", "23:55"))));
            List<LoopOption> options = options(ALL, request(MONDAY, panel),
                    with(room("Fjord", 4, span(MONDAY, "00:00", "13:00"), span(MONDAY, "14:00", "23:55"))));
            assertEquals(1, options.size());
            assertEquals(LocalTime.of(13, 0), local(options.get(0).start()));
        }

        @Test
        void videoAndNoVenueNeedNoRoom() {
            assertInstanceOf(Venue.VideoCall.class,
                    options(request(MONDAY, panel.withRoom(RoomNeed.VIDEO)), with()).get(0).sessions().get(0).venue());
            assertInstanceOf(Venue.NoVenue.class,
                    options(request(MONDAY, panel.withRoom(RoomNeed.NONE)), with()).get(0).sessions().get(0).venue());
        }
    }

    @Nested
    class OrderRules {

        // Ana is free only 14:00–15:00, Bo only 09:00–10:00: by their calendars Bo's session comes first
        private final Directory dir = directory(
                person("a", "Ana Lima").withBusy(List.of(booked(MONDAY, "09:00", "14:00"), booked(MONDAY, "15:00", "17:00"))),
                person("b", "Bo Berg").withBusy(List.of(booked(MONDAY, "10:00", "17:00"))));
        private final List<SessionRequest> two = List.of(interview("ana", 60, "a"), interview("bo", 60, "b"));
        private final Directory free = directory(person("a", "Ana Lima"), person("b", "Bo Berg"), person("c", "Cai Chen"));
        private final List<SessionRequest> three = List.of(interview("ana", 60, "a"), interview("bo", 60, "b"),
                interview("cai", 60, "c"));

        @Test
        void first() {
            noOption(request(MONDAY, MONDAY, two, OrderRule.first("ana")), dir);
            options(request(MONDAY, MONDAY, two, OrderRule.first("bo")), dir);
            for (LoopOption o : options(ALL, request(MONDAY, MONDAY, three, OrderRule.first("cai")), free)) {
                assertEquals("cai", o.sessions().get(0).sessionId());
            }
        }

        @Test
        void last() {
            noOption(request(MONDAY, MONDAY, two, OrderRule.last("bo")), dir);
            options(request(MONDAY, MONDAY, two, OrderRule.last("ana")), dir);
            for (LoopOption o : options(ALL, request(MONDAY, MONDAY, three, OrderRule.last("ana")), free)) {
                assertEquals("ana", o.sessions().get(2).sessionId());
            }
        }

        @Test
        void before() {
            noOption(request(MONDAY, MONDAY, two, OrderRule.before("ana", "bo")), dir);
            options(request(MONDAY, MONDAY, two, OrderRule.before("bo", "ana")), dir);
            for (LoopOption o : options(ALL, request(MONDAY, MONDAY, three, OrderRule.before("cai", "bo")), free)) {
                assertFalse(o.session("cai").end().isAfter(o.session("bo").start()));
            }
        }
    }

    @Test
    void sessionsLieInsideTheirTimeWindow() {
        SessionRequest lunch = Loops.session("lunch", SessionKind.LUNCH, 60, "h")
                .withWindow(LocalTimeWindow.of("11:30", "13:30"));
        LoopRequest req = request(MONDAY, lunch).withOptionsWanted(20);
        List<LoopOption> options = options(ALL, req, directory(person("h", "Hanne Moe")));
        assertEquals(13, options.size(), "11:30, 11:35, ... 12:30");
        for (LoopOption o : options) {
            assertFalse(local(o.start()).isBefore(LocalTime.of(11, 30)));
            assertFalse(local(o.end()).isAfter(LocalTime.of(13, 30)));
        }

        Directory hostBusyUntilOne = directory(person("h", "Hanne Moe").withBusy(List.of(booked(MONDAY, "11:00", "13:00"))));
        noOption(request(MONDAY, lunch), hostBusyUntilOne);
        LoopRequest anytime = request(MONDAY, Loops.session("lunch", SessionKind.LUNCH, 60, "h")).withOptionsWanted(50);
        assertTrue(options(ALL, anytime, hostBusyUntilOne).stream()
                .anyMatch(o -> local(o.start()).equals(LocalTime.of(13, 0))));
    }

    @Nested
    class Limits {

        private final LoopRequest twoDays = request(MONDAY, TUESDAY, List.of(interview("one", 60, "a")));

        @Test
        void dailyLimitCountsExistingInterviews() {
            Interviewer ana = person("a", "Ana Lima").withLimits(new InterviewLimits(2, 10));
            assertEquals(MONDAY, options(twoDays, directory(ana.withBooked(Map.of(MONDAY, 1)))).get(0).day());
            allOn(TUESDAY, options(ALL, twoDays, directory(ana.withBooked(Map.of(MONDAY, 2)))));
        }

        @Test
        void dailyLimitCountsThisLoopsInterviews() {
            Interviewer ana = person("a", "Ana Lima").withLimits(new InterviewLimits(2, 10));
            LoopRequest anaTwice = request(MONDAY, TUESDAY, List.of(interview("one", 60, "a"), interview("two", 60, "a")));
            allOn(TUESDAY, options(ALL, anaTwice, directory(ana.withBooked(Map.of(MONDAY, 1)))));
            assertEquals(MONDAY, options(anaTwice, directory(ana)).get(0).day());
        }

        @Test
        void toursAndLunchesAreNotInterviews() {
            Interviewer ana = person("a", "Ana Lima").withLimits(new InterviewLimits(2, 10)).withBooked(Map.of(MONDAY, 2));
            LoopRequest hosting = request(MONDAY, TUESDAY, List.of(Loops.session("tour", SessionKind.TOUR, 30, "a"),
                    Loops.session("lunch", SessionKind.LUNCH, 60, "a")));
            assertEquals(MONDAY, options(hosting, directory(ana)).get(0).day());
            LoopRequest interviewToo = request(MONDAY, TUESDAY, List.of(Loops.session("tour", SessionKind.TOUR, 30, "a"),
                    interview("one", 60, "a")));
            allOn(TUESDAY, options(ALL, interviewToo, directory(ana)));
        }

        @Test
        void weeklyLimitCountsTheWholeIsoWeek() {
            Interviewer ana = person("a", "Ana Lima").withLimits(new InterviewLimits(5, 3));
            LocalDate nextMonday = MONDAY.plusWeeks(1);
            LoopRequest twoWeeks = request(MONDAY, nextMonday, List.of(interview("one", 60, "a")))
                    .withCandidateAvailability(List.of(span(MONDAY, "09:00", "17:00"), span(nextMonday, "09:00", "17:00")));
            // three interviews later in the same week (on Friday) already use up the weekly limit
            allOn(nextMonday, options(ALL, twoWeeks, directory(ana.withBooked(Map.of(FRIDAY, 3)))));
            assertEquals(MONDAY, options(twoWeeks, directory(ana.withBooked(Map.of(FRIDAY, 2)))).get(0).day());
        }

        @Test
        void poolMembersAtTheirLimitAreNotPicked() {
            // Ana has the lighter week, so fairness would pick her, but she is at her daily limit
            Interviewer ana = person("a", "Ana Lima").withLimits(new InterviewLimits(2, 10)).withBooked(Map.of(MONDAY, 2));
            Interviewer bo = person("b", "Bo Berg").withBooked(Map.of(WEDNESDAY, 4));
            SessionRequest tech = SessionRequest.of("tech", SessionKind.TECHNICAL, Duration.ofMinutes(60))
                    .withFromPool("java", 1);
            Directory dir = new Directory(List.of(ana, bo), List.of(pool("java", "a", "b")), List.of());
            for (LoopOption o : options(ALL, request(MONDAY, tech), dir)) {
                assertEquals(List.of("b"), o.sessions().get(0).personIds());
            }
            Directory anaBelowLimit = new Directory(List.of(ana.withBooked(Map.of(MONDAY, 1)), bo),
                    List.of(pool("java", "a", "b")), List.of());
            assertEquals(List.of("a"), options(request(MONDAY, tech), anaBelowLimit).get(0).sessions().get(0).personIds());
        }
    }

    @Test
    void theLongDaylightSavingDayIsPlannedInLocalTime() {
        // Sunday 25 October 2026: Oslo goes from UTC+2 to UTC+1 at 03:00, the day has 25 hours
        LocalDate change = LocalDate.of(2026, 10, 25);
        Interviewer ana = person("a", "Ana Lima").withWorkingHours(WorkingHours.weekdays("09:00", "17:00")
                .with(DayOfWeek.SUNDAY, List.of(LocalTimeWindow.of("09:00", "17:00"))));
        LoopRequest req = new LoopRequest(OSLO, change, change, List.of(span(change, "08:00", "18:00")),
                List.of(interview("one", 60, "a")), List.of());
        LoopOption best = options(req, directory(ana)).get(0);
        assertEquals(LocalTime.of(9, 30), local(best.start()), "first start outside the edge margin, in local time");
    }
}
