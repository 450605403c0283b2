package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.BusyBlock;
import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.InterviewLimits;
import dev.secondround.scheduling.engine.Interviewer;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.OrderRule;
import dev.secondround.scheduling.engine.Pool;
import dev.secondround.scheduling.engine.Room;
import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.SessionKind;
import dev.secondround.scheduling.engine.SessionRequest;
import dev.secondround.scheduling.engine.TimeSpan;
import dev.secondround.scheduling.engine.WorkingHours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Object mother for engine tests: people, sessions, requests and the reference loop. */
public final class Loops {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday 23 November 2026; the week runs to Sunday the 29th. */
    public static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    public static final LocalDate TUESDAY = MONDAY.plusDays(1);
    public static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    public static final LocalDate THURSDAY = MONDAY.plusDays(3);
    public static final LocalDate FRIDAY = MONDAY.plusDays(4);

    private Loops() {
    }

    // ------------------------------------------------------------------ time

    public static Instant at(LocalDate day, String time) {
        return at(day, time, OSLO);
    }

    public static Instant at(LocalDate day, String time, ZoneId zone) {
        return day.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }

    public static TimeSpan span(LocalDate day, String from, String to) {
        return new TimeSpan(at(day, from), at(day, to));
    }

    public static TimeSpan span(LocalDate day, String from, String to, ZoneId zone) {
        return new TimeSpan(at(day, from, zone), at(day, to, zone));
    }

    /** The same window on every day of the range, in Oslo. */
    public static List<TimeSpan> daily(LocalDate first, LocalDate last, String from, String to) {
        List<TimeSpan> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.add(span(d, from, to));
        }
        return out;
    }

    public static BusyBlock booked(LocalDate day, String from, String to) {
        return BusyBlock.booked(at(day, from), at(day, to));
    }

    public static BusyBlock timeOff(LocalDate first, LocalDate last) {
        return BusyBlock.timeOff(first.atStartOfDay(OSLO).toInstant(), last.plusDays(1).atStartOfDay(OSLO).toInstant());
    }

    // ------------------------------------------------------------------ people, pools, rooms

    /** Works 09:00–17:00 Monday to Friday in Oslo, no limits, nothing booked. */
    public static Interviewer person(String id, String name) {
        return person(id, name, OSLO, "09:00", "17:00");
    }

    public static Interviewer person(String id, String name, ZoneId zone, String from, String to) {
        return new Interviewer(id, name, zone, WorkingHours.weekdays(from, to), InterviewLimits.NONE, List.of(),
                Map.of());
    }

    public static Pool pool(String id, String... members) {
        return new Pool(id, id, List.of(members));
    }

    public static Room room(String id, int capacity, TimeSpan... busy) {
        return new Room(id, id, capacity, List.of(busy));
    }

    public static Directory directory(List<Interviewer> people, List<Pool> pools, List<Room> rooms) {
        return new Directory(people, pools, rooms);
    }

    public static Directory directory(Interviewer... people) {
        return new Directory(List.of(people), List.of(), List.of());
    }

    // ------------------------------------------------------------------ sessions and requests

    public static SessionRequest interview(String id, int minutes, String... people) {
        return SessionRequest.of(id, SessionKind.INTERVIEW, Duration.ofMinutes(minutes)).withPeople(people);
    }

    public static SessionRequest session(String id, SessionKind kind, int minutes, String... people) {
        return SessionRequest.of(id, kind, Duration.ofMinutes(minutes)).withPeople(people);
    }

    /** Candidate free 08:00–18:00 Oslo on every day of the range; k = 5, 5-minute grid. */
    public static LoopRequest request(LocalDate first, LocalDate last, List<SessionRequest> sessions,
                                      OrderRule... rules) {
        return new LoopRequest(OSLO, first, last, daily(first, last, "08:00", "18:00"), sessions, List.of(rules));
    }

    public static LoopRequest request(LocalDate day, SessionRequest... sessions) {
        return request(day, day, List.of(sessions));
    }

    // ------------------------------------------------------------------ the reference loop

    /**
     * Dana's second round for the backend job: hiring manager first (45 min), a technical session with
     * one of the Java pool (60), the manager's boss (45), two peers as a panel (60, in a room), a tour
     * (30, one tour guide) and a team lunch between 11:30 and 13:30 (60, two from the team).
     */
    public static List<SessionRequest> secondRoundSessions() {
        return List.of(
                SessionRequest.of("hm", SessionKind.INTERVIEW, Duration.ofMinutes(45)).titled("Hiring manager")
                        .withPeople("hm").withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("tech", SessionKind.TECHNICAL, Duration.ofMinutes(60)).titled("Technical")
                        .withFromPool("java-technical", 1).withRoom(RoomNeed.VIDEO),
                SessionRequest.of("boss", SessionKind.EXECUTIVE, Duration.ofMinutes(45)).titled("Director")
                        .withPeople("boss").withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("panel", SessionKind.PANEL, Duration.ofMinutes(60)).titled("Peer panel")
                        .withPeople("peer1", "peer2").withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("tour", SessionKind.TOUR, Duration.ofMinutes(30)).titled("Department tour")
                        .withFromPool("tour-guides", 1),
                SessionRequest.of("lunch", SessionKind.LUNCH, Duration.ofMinutes(60)).titled("Team lunch")
                        .withFromPool("team", 2).withWindow(LocalTimeWindow.of("11:30", "13:30")));
    }

    public static Directory secondRoundDirectory() {
        List<Interviewer> people = new ArrayList<>(List.of(
                person("hm", "Ingrid Solberg-Haugen"),
                person("boss", "Marius Aasen"),
                person("peer1", "Kari Nordmann"),
                person("peer2", "Ola Dunn"),
                person("j1", "Anh Nguyen", BERLIN, "09:00", "17:00"),
                person("j2", "Bjørn Ødegård"),
                person("j3", "Chiara Rossi", LONDON, "09:00", "17:00"),
                person("g1", "Siri Lund"),
                person("t1", "Per Berg"),
                person("t2", "Liv Strand"),
                person("t3", "Nils Holm")));
        return new Directory(people,
                List.of(pool("java-technical", "j1", "j2", "j3"), pool("tour-guides", "g1"),
                        pool("team", "t1", "t2", "t3")),
                List.of(room("Fjord", 4), room("Fjell", 8)));
    }
}
