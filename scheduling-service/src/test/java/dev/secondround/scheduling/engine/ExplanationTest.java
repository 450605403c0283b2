package dev.secondround.scheduling.engine;

import dev.secondround.scheduling.engine.testsupport.Loops;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.secondround.scheduling.engine.testsupport.Loops.FRIDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.MONDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.THURSDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.TUESDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.WEDNESDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.booked;
import static dev.secondround.scheduling.engine.testsupport.Loops.directory;
import static dev.secondround.scheduling.engine.testsupport.Loops.interview;
import static dev.secondround.scheduling.engine.testsupport.Loops.person;
import static dev.secondround.scheduling.engine.testsupport.Loops.pool;
import static dev.secondround.scheduling.engine.testsupport.Loops.request;
import static dev.secondround.scheduling.engine.testsupport.Loops.secondRoundDirectory;
import static dev.secondround.scheduling.engine.testsupport.Loops.secondRoundSessions;
import static dev.secondround.scheduling.engine.testsupport.Loops.span;
import static dev.secondround.scheduling.engine.testsupport.Loops.timeOff;
import static dev.secondround.scheduling.engine.testsupport.Plans.noOption;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When nothing fits, the explanation names who or what blocks, and on which days. */
class ExplanationTest {

    private static Blocker only(Explanation e, Blocker.Kind kind) {
        List<Blocker> found = e.blockers().stream().filter(b -> b.kind() == kind).toList();
        assertEquals(1, found.size(), () -> "one " + kind + " blocker expected in:\n" + e.text());
        return found.get(0);
    }

    private static void mentions(Blocker b, String... words) {
        for (String w : words) {
            assertTrue(b.message().contains(w), () -> "'" + b.message() + "' should mention " + w);
        }
    }

    private static Directory replace(Directory dir, Interviewer person) {
        List<Interviewer> people = new ArrayList<>(dir.people());
        people.replaceAll(p -> p.id().equals(person.id()) ? person : p);
        return new Directory(people, dir.pools(), dir.rooms());
    }

    @Test
    void personOnTimeOffForTheWholeRange() {
        Directory dir = secondRoundDirectory();
        dir = replace(dir, dir.person("hm").orElseThrow().withBusy(List.of(timeOff(TUESDAY, WEDNESDAY))));
        Explanation e = noOption(request(TUESDAY, WEDNESDAY, secondRoundSessions(), OrderRule.first("hm")), dir);

        Blocker b = only(e, Blocker.Kind.PERSON_TIME_OFF);
        assertEquals("Ingrid Solberg-Haugen", b.subject());
        assertEquals(List.of(TUESDAY, WEDNESDAY), b.days());
        assertEquals("Ingrid Solberg-Haugen: time off on Tuesday 2026-11-24 and Wednesday 2026-11-25", b.message());
        assertEquals(1, e.blockers().size(), e.text());
        assertTrue(e.summary().contains("2026-11-24") && e.summary().contains("2026-11-25"));
    }

    @Test
    void poolSmallerThanTheDemand() {
        Directory dir = secondRoundDirectory();
        List<SessionRequest> sessions = new ArrayList<>(secondRoundSessions());
        sessions.set(1, SessionRequest.of("tech", SessionKind.TECHNICAL, Duration.ofMinutes(60)).titled("Technical")
                .withFromPool("java-technical", 4));
        Explanation e = noOption(request(TUESDAY, WEDNESDAY, sessions), dir);
        Blocker b = only(e, Blocker.Kind.POOL_TOO_SMALL);
        assertEquals("pool java-technical", b.subject());
        mentions(b, "pool java-technical", "3 people", "Technical", "needs 4");
        assertEquals(List.of(), b.days(), "blocks every day by itself");
    }

    @Test
    void poolWithTooFewMembersFreeOnADay() {
        Interviewer ana = person("a", "Ana Lima");
        Interviewer bo = person("b", "Bo Berg").withBusy(List.of(booked(THURSDAY, "08:00", "18:00")));
        Directory dir = new Directory(List.of(ana, bo), List.of(pool("java-technical", "a", "b")), List.of());
        SessionRequest tech = SessionRequest.of("tech", SessionKind.TECHNICAL, Duration.ofMinutes(60)).titled("Technical")
                .withFromPool("java-technical", 2);
        Explanation e = noOption(request(THURSDAY, THURSDAY, List.of(tech)), dir);
        Blocker b = only(e, Blocker.Kind.POOL_TOO_FEW_FREE);
        assertEquals(List.of(THURSDAY), b.days());
        assertTrue(b.message().startsWith("pool java-technical: only 1 of 2 needed free for Technical"), b.message());
        mentions(b, "Thursday 2026-11-26");
    }

    @Test
    void candidateUnavailableOnSomeDaysAndSomeoneAwayOnTheOthers() {
        Directory dir = directory(person("a", "Ana Lima").withBusy(List.of(timeOff(THURSDAY, THURSDAY))));
        LoopRequest req = request(THURSDAY, FRIDAY, List.of(interview("one", 60, "a")))
                .withCandidateAvailability(List.of(span(THURSDAY, "09:00", "17:00")));
        Explanation e = noOption(req, dir);
        Blocker candidate = only(e, Blocker.Kind.CANDIDATE_UNAVAILABLE);
        assertEquals("candidate not available on Friday 2026-11-27", candidate.message());
        Blocker ana = only(e, Blocker.Kind.PERSON_TIME_OFF);
        assertEquals("Ana Lima: time off on Thursday 2026-11-26", ana.message());
    }

    @Test
    void lunchWindowTheCandidateCannotMeet() {
        Directory dir = secondRoundDirectory();
        LoopRequest req = request(TUESDAY, TUESDAY, secondRoundSessions(), OrderRule.first("hm"))
                .withCandidateAvailability(List.of(span(TUESDAY, "13:00", "18:00")));
        Explanation e = noOption(req, dir);
        Blocker b = only(e, Blocker.Kind.SESSION_WINDOW);
        assertEquals("Team lunch", b.subject());
        mentions(b, "Team lunch window 11:30–13:30 cannot be met", "candidate", "Tuesday 2026-11-24");
    }

    @Test
    void windowShorterThanItsSession() {
        SessionRequest lunch = SessionRequest.of("lunch", SessionKind.LUNCH, Duration.ofMinutes(90)).titled("Team lunch")
                .withPeople("a").withWindow(LocalTimeWindow.of("11:30", "12:30"));
        Explanation e = noOption(request(TUESDAY, lunch), directory(person("a", "Ana Lima")));
        Blocker b = only(e, Blocker.Kind.SESSION_WINDOW);
        assertEquals("Team lunch window 11:30–12:30 cannot be met: 1 h 30 min does not fit in it", b.message());
    }

    @Test
    void windowThatTheOtherSessionsCrowdOut() {
        // the hiring manager can only meet 11:30–12:30, exactly the lunch's window
        Interviewer hm = person("hm", "Ingrid Solberg-Haugen").withBusy(List.of(booked(TUESDAY, "08:00", "11:30"),
                booked(TUESDAY, "12:30", "18:00")));
        SessionRequest lunch = Loops.session("lunch", SessionKind.LUNCH, 60, "h").titled("Team lunch")
                .withWindow(LocalTimeWindow.of("11:30", "12:30"));
        LoopRequest req = request(TUESDAY, TUESDAY, List.of(interview("hm", 60, "hm").titled("Hiring manager"), lunch));
        Explanation e = noOption(req, directory(hm, person("h", "Hanne Moe")));
        Blocker b = only(e, Blocker.Kind.SESSION_WINDOW);
        assertEquals("Team lunch window 11:30–12:30 cannot be met together with the other sessions on Tuesday 2026-11-24",
                b.message());
    }

    @Test
    void sessionsThatFitAloneButNotTogether() {
        // the hiring manager and the lunch host can each only do 11:30–12:30
        Interviewer hm = person("hm", "Ingrid Solberg-Haugen").withBusy(List.of(booked(TUESDAY, "08:00", "11:30"),
                booked(TUESDAY, "12:30", "18:00")));
        Interviewer host = person("h", "Hanne Moe").withBusy(List.of(booked(TUESDAY, "08:00", "11:30"),
                booked(TUESDAY, "12:30", "18:00")));
        SessionRequest lunch = Loops.session("lunch", SessionKind.LUNCH, 60, "h").titled("Team lunch");
        LoopRequest req = request(TUESDAY, TUESDAY, List.of(interview("hm", 60, "hm").titled("Hiring manager"), lunch));
        Blocker b = only(noOption(req, directory(hm, host)), Blocker.Kind.SESSIONS_DO_NOT_FIT_TOGETHER);
        mentions(b, "Hiring manager 11:30–12:30", "Team lunch 11:30–12:30", "Europe/Oslo", "Tuesday 2026-11-24");
    }

    @Test
    void dailyAndWeeklyLimitsReached() {
        Interviewer ana = person("a", "Ana Lima").withLimits(new InterviewLimits(3, 8))
                .withBooked(Map.of(TUESDAY, 3, MONDAY, 3, WEDNESDAY, 2));
        LoopRequest req = request(TUESDAY, THURSDAY, List.of(interview("one", 60, "a")));
        Explanation e = noOption(req, directory(ana));
        Blocker daily = only(e, Blocker.Kind.DAILY_LIMIT);
        assertEquals("Ana Lima: already has 3 interviews, the limit of 3 a day, on Tuesday 2026-11-24",
                daily.message());
        Blocker weekly = only(e, Blocker.Kind.WEEKLY_LIMIT);
        assertEquals(List.of(WEDNESDAY, THURSDAY), weekly.days());
        mentions(weekly, "Ana Lima", "8 interviews that week", "limit of 8 a week");
    }

    @Test
    void limitTheLoopItselfWouldExceed() {
        Interviewer ana = person("a", "Ana Lima").withLimits(new InterviewLimits(1, 10));
        LoopRequest req = request(TUESDAY, TUESDAY, List.of(interview("one", 60, "a"), interview("two", 60, "a")));
        Blocker b = only(noOption(req, directory(ana)), Blocker.Kind.DAILY_LIMIT);
        assertEquals("Ana Lima is named in 2 interview sessions but does at most 1 interview a day", b.message());
    }

    @Test
    void orderRulesThatCannotBeMet() {
        Directory dir = directory(
                person("a", "Ana Lima").withBusy(List.of(booked(MONDAY, "09:00", "14:00"), booked(MONDAY, "15:00", "17:00"))),
                person("b", "Bo Berg").withBusy(List.of(booked(MONDAY, "10:00", "17:00"))));
        LoopRequest req = request(MONDAY, MONDAY, List.of(interview("ana", 60, "a").titled("Hiring manager"),
                interview("bo", 60, "b").titled("Director")), OrderRule.first("ana"));
        Blocker b = only(noOption(req, dir), Blocker.Kind.ORDER_RULES);
        assertEquals("the order rules (Hiring manager first) cannot be met on Monday 2026-11-23", b.message());
    }

    @Test
    void workingHoursInAnotherZone() {
        Interviewer newYork = person("nyc", "Jordan Rivera", Loops.NEW_YORK, "09:00", "17:00");
        LoopRequest req = request(TUESDAY, interview("one", 60, "nyc").titled("Technical"))
                .withCandidateAvailability(List.of(span(TUESDAY, "08:00", "14:00")));
        Blocker b = only(noOption(req, directory(newYork)), Blocker.Kind.WORKING_HOURS_OUTSIDE_AVAILABILITY);
        mentions(b, "Jordan Rivera", "09:00–17:00 America/New_York", "Technical", "Tuesday 2026-11-24");
    }

    @Test
    void notAWorkingDay() {
        LocalDate saturday = FRIDAY.plusDays(1);
        LoopRequest req = request(saturday, interview("one", 60, "a"));
        Blocker b = only(noOption(req, directory(person("a", "Ana Lima"))), Blocker.Kind.PERSON_NOT_WORKING);
        assertEquals("Ana Lima: not a working day on Saturday 2026-11-28", b.message());
    }

    @Test
    void fullyBooked() {
        Interviewer ana = person("a", "Ana Lima").withBusy(List.of(booked(TUESDAY, "08:00", "12:00"),
                booked(TUESDAY, "12:30", "18:00")));
        Blocker b = only(noOption(request(TUESDAY, interview("one", 60, "a")), directory(ana)), Blocker.Kind.PERSON_BUSY);
        assertEquals("Ana Lima: fully booked while the candidate is available on Tuesday 2026-11-24", b.message());
    }

    @Test
    void noRoomBigEnough() {
        SessionRequest panel = SessionRequest.of("panel", SessionKind.PANEL, Duration.ofMinutes(60)).titled("Peer panel")
                .withPeople("peer1", "peer2", "hm", "boss").withRoom(RoomNeed.IN_PERSON);
        Directory dir = secondRoundDirectory();
        dir = new Directory(dir.people(), dir.pools(), List.of(Loops.room("Fjord", 4)));
        Blocker b = only(noOption(request(TUESDAY, panel), dir), Blocker.Kind.NO_ROOM_BIG_ENOUGH);
        assertEquals("no room seats the 5 people of Peer panel (largest: Fjord, 4 seats)", b.message());
    }

    @Test
    void everyDayOfTheRange() {
        Directory dir = directory(person("a", "Ana Lima").withBusy(List.of(timeOff(MONDAY, FRIDAY))));
        Blocker b = only(noOption(request(MONDAY, FRIDAY, List.of(interview("one", 60, "a"))), dir),
                Blocker.Kind.PERSON_TIME_OFF);
        assertEquals("Ana Lima: time off from Monday 2026-11-23 to Friday 2026-11-27 (every day of the range)",
                b.message());
        assertEquals(5, b.days().size());
    }

    @Test
    void invalidRequestsAreRefusedWithEveryProblemNamed() {
        SchedulingEngine engine = new SchedulingEngine();
        LoopRequest req = request(TUESDAY, TUESDAY, List.of(interview("one", 60, "ghost"), interview("two", 52, "a")),
                OrderRule.before("one", "two"), OrderRule.before("two", "one"));
        InvalidLoopRequestException e = assertThrows(InvalidLoopRequestException.class,
                () -> engine.plan(req, directory(person("a", "Ana Lima"))));
        assertTrue(e.problems().contains("session one: unknown person ghost"), e.problems().toString());
        assertTrue(e.problems().contains("session two: duration 52 min is not a multiple of the 5-minute grid"),
                e.problems().toString());

        LoopRequest cyclic = request(TUESDAY, TUESDAY, List.of(interview("one", 60, "a"), interview("two", 60, "a")),
                OrderRule.before("one", "two"), OrderRule.before("two", "one"));
        InvalidLoopRequestException cycle = assertThrows(InvalidLoopRequestException.class,
                () -> engine.plan(cyclic, directory(person("a", "Ana Lima"))));
        assertEquals(List.of("the order rules contradict each other: one before two, two before one"), cycle.problems());
    }
}
