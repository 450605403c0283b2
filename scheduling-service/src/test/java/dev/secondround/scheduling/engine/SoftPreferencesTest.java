package dev.secondround.scheduling.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static dev.secondround.scheduling.engine.testsupport.Loops.MONDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.OSLO;
import static dev.secondround.scheduling.engine.testsupport.Loops.TUESDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.WEDNESDAY;
import static dev.secondround.scheduling.engine.testsupport.Loops.booked;
import static dev.secondround.scheduling.engine.testsupport.Loops.daily;
import static dev.secondround.scheduling.engine.testsupport.Loops.directory;
import static dev.secondround.scheduling.engine.testsupport.Loops.interview;
import static dev.secondround.scheduling.engine.testsupport.Loops.person;
import static dev.secondround.scheduling.engine.testsupport.Loops.pool;
import static dev.secondround.scheduling.engine.testsupport.Loops.request;
import static dev.secondround.scheduling.engine.testsupport.Loops.timeOff;
import static dev.secondround.scheduling.engine.testsupport.Plans.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per soft preference: among valid options, the preferred one ranks first. People here
 * work 08:00–18:00 and the candidate is free 09:00–17:00, so the edge-of-hours term stays out of the
 * way unless a test is about it.
 */
class SoftPreferencesTest {

    private static final EngineSettings ALL = EngineSettings.exhaustive();

    private static Interviewer worker(String id, String name) {
        return person(id, name, OSLO, "08:00", "18:00");
    }

    private static LoopRequest nineToFive(LoopRequest req) {
        return req.withCandidateAvailability(daily(req.firstDay(), req.lastDay(), "09:00", "17:00"));
    }

    private static LocalTime local(Instant i) {
        return i.atZone(OSLO).toLocalTime();
    }

    private static long gapMinutes(ScheduledSession a, ScheduledSession b) {
        return Duration.between(a.end(), b.start()).toMinutes();
    }

    @Test
    void compactDayRanksAboveOneWithWaiting() {
        // Bo can do 10:00–11:00 or 14:00–15:00; Ana any time
        Directory dir = directory(worker("a", "Ana Lima"),
                worker("b", "Bo Berg").withBusy(List.of(booked(MONDAY, "08:00", "10:00"), booked(MONDAY, "11:00", "14:00"),
                        booked(MONDAY, "15:00", "18:00"))));
        LoopRequest req = nineToFive(request(MONDAY, interview("ana", 60, "a"), interview("bo", 60, "b"))
                .withOptionsWanted(50));
        List<LoopOption> options = options(ALL, req, dir);
        LoopOption best = options.get(0);
        assertEquals(0, best.score().points("idle"));
        assertEquals(0, gapMinutes(best.sessions().get(0), best.sessions().get(1)));
        LoopOption waiting = options.stream().filter(o -> o.score().points("idle") > 0).findFirst().orElseThrow();
        assertTrue(waiting.score().total() > best.score().total());
        assertTrue(waiting.rank() > best.rank());
    }

    @Test
    void afterTwoAndAHalfHoursAShortBreakRanksAboveNone() {
        Directory dir = directory(worker("a", "Ana Lima"), worker("b", "Bo Berg"), worker("c", "Cai Chen"),
                worker("d", "Dag Dahl"));
        LoopRequest req = nineToFive(request(MONDAY, interview("one", 45, "a"), interview("two", 45, "b"),
                interview("three", 45, "c"), interview("four", 45, "d")));
        LoopOption best = options(req, dir).get(0);
        // four 45-minute interviews are 3 hours: one 10-minute break beats 3 hours straight
        assertEquals(10, best.score().points("idle"));
        assertEquals(0, best.score().points("long-stretch"));
        List<ScheduledSession> s = best.sessions();
        long breaks = 0;
        for (int i = 1; i < s.size(); i++) {
            breaks += gapMinutes(s.get(i - 1), s.get(i)) == 10 ? 1 : 0;
        }
        assertEquals(1, breaks);

        // without a break the same day would cost 2 points per minute beyond 150: 60
        LoopRequest backToBack = req.withCandidateAvailability(List.of(dev.secondround.scheduling.engine.testsupport.Loops
                .span(MONDAY, "10:00", "13:00")));
        LoopOption straight = options(backToBack, dir).get(0);
        assertEquals(60, straight.score().points("long-stretch"));
        assertTrue(straight.score().total() > best.score().total());

        // under 2.5 hours no break is wanted
        LoopRequest threeOnly = nineToFive(request(MONDAY, interview("one", 45, "a"), interview("two", 45, "b"),
                interview("three", 45, "c")));
        assertEquals(0, options(threeOnly, dir).get(0).score().total());
    }

    @Test
    void aLunchIsARest() {
        Directory dir = directory(worker("a", "Ana Lima"), worker("b", "Bo Berg"), worker("c", "Cai Chen"),
                worker("d", "Dag Dahl"), worker("t", "Tor Tveit"));
        SessionRequest lunch = SessionRequest.of("lunch", SessionKind.LUNCH, Duration.ofMinutes(45)).withPeople("t");
        LoopRequest req = nineToFive(request(MONDAY, interview("one", 45, "a"), interview("two", 45, "b"), lunch,
                interview("three", 45, "c"), interview("four", 45, "d")));
        LoopOption best = options(req, dir).get(0);
        assertEquals(0, best.score().total(), "the lunch in the middle breaks the stretch: no gap needed");
        assertEquals("lunch", best.sessions().get(2).sessionId());
    }

    @Test
    void theLeastLoadedPoolMemberIsPicked() {
        Directory dir = new Directory(List.of(
                worker("a", "Ana Lima").withBooked(Map.of(MONDAY, 2, TUESDAY, 2)),
                worker("b", "Bo Berg").withBooked(Map.of(TUESDAY, 1)),
                worker("c", "Cai Chen").withBooked(Map.of(WEDNESDAY, 2))),
                List.of(pool("java", "a", "b", "c")), List.of());
        SessionRequest tech = SessionRequest.of("tech", SessionKind.TECHNICAL, Duration.ofMinutes(60))
                .withFromPool("java", 1);
        // the candidate has exactly one hour: the three options differ only in who is picked
        LoopRequest oneHour = request(MONDAY, tech).withCandidateAvailability(daily(MONDAY, MONDAY, "10:00", "11:00"));
        List<LoopOption> options = options(ALL, oneHour, dir);
        assertEquals(3, options.size());
        assertEquals(List.of("b"), options.get(0).sessions().get(0).personIds());
        assertEquals(0, options.get(0).score().points("pool-load"));
        assertEquals(java.util.Optional.of("java"), options.get(0).sessions().get(0).participants().get(0).fromPool());
        // Cai has one more interview that week than Bo (10 points), Ana three more (30)
        assertEquals(List.of("c"), options.get(1).sessions().get(0).personIds());
        assertEquals(10, options.get(1).score().points("pool-load"));
        assertEquals(List.of("a"), options.get(2).sessions().get(0).personIds());
        assertEquals(30, options.get(2).score().points("pool-load"));
    }

    @Test
    void theEarliestFeasibleDayRanksFirst() {
        Interviewer ana = worker("a", "Ana Lima");
        LoopRequest req = nineToFive(request(MONDAY, WEDNESDAY, List.of(interview("one", 60, "a"))));
        List<LoopOption> options = options(req, directory(ana));
        assertEquals(MONDAY, options.get(0).day());
        assertEquals(0, options.get(0).score().points("later-day"));

        List<LoopOption> tuesdayFirst = options(req, directory(ana.withBusy(List.of(timeOff(MONDAY, MONDAY)))));
        assertEquals(TUESDAY, tuesdayFirst.get(0).day());
        assertEquals(30, tuesdayFirst.get(0).score().points("later-day"));
    }

    @Test
    void startsAwayFromTheEdgesOfWorkingHoursRankFirst() {
        // Ana works 09:00–12:00 and the candidate is free just as long
        Interviewer ana = person("a", "Ana Lima", OSLO, "09:00", "12:00");
        LoopRequest req = request(MONDAY, interview("one", 60, "a"))
                .withCandidateAvailability(daily(MONDAY, MONDAY, "09:00", "12:00")).withOptionsWanted(30);
        List<LoopOption> options = options(ALL, req, directory(ana));
        LoopOption best = options.get(0);
        assertEquals(0, best.score().points("edge-of-hours"));
        assertTrue(!local(best.start()).isBefore(LocalTime.of(9, 30)) && !local(best.end()).isAfter(LocalTime.of(11, 30)));
        LoopOption atNine = options.stream().filter(o -> local(o.start()).equals(LocalTime.of(9, 0))).findFirst()
                .orElseThrow();
        assertEquals(30, atNine.score().points("edge-of-hours"));
        assertTrue(atNine.rank() > best.rank());
    }

    @Test
    void scoreTermsAddUpAndExplainThemselves() {
        Interviewer ana = person("a", "Ana Lima", OSLO, "09:00", "17:00").withBusy(List.of(timeOff(MONDAY, MONDAY)));
        LoopRequest req = request(MONDAY, TUESDAY, List.of(interview("one", 60, "a"))).withCandidateAvailability(
                daily(MONDAY, TUESDAY, "09:00", "10:00"));
        LoopOption only = options(req, directory(ana)).get(0);
        assertEquals(List.of("idle", "long-stretch", "later-day", "pool-load", "edge-of-hours"),
                only.score().terms().stream().map(ScoreTerm::name).toList());
        assertEquals(only.score().terms().stream().mapToInt(ScoreTerm::points).sum(), only.score().total());
        assertEquals(30 + 30, only.score().total(), "a day later, and at 09:00 sharp when Ana starts work");
        assertTrue(only.score().terms().get(4).detail().contains("Ana Lima"));
    }
}
