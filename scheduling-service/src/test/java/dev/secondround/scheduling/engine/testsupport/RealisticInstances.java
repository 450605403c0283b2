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

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic instances for the benchmark: the six-session loop (hiring manager first, a
 * technical session with one of an 8-person Java pool, the manager's boss, two peers as a panel, a
 * tour with one of 4 guides, a team lunch with two of 8 between 11:30 and 13:30) over a directory of
 * 40 people in three zones, 6 rooms, 10 business days (two calendar weeks), every calendar about
 * {@code busyShare} busy (meetings of 15–120 minutes at random quarter hours, and one day in 25 off),
 * interview limits with existing load, and a candidate free 08:30–17:30 on about 4 of 5 business days.
 */
public final class RealisticInstances {

    public record Instance(long seed, LoopRequest request, Directory directory) {
    }

    private static final ZoneId[] ZONES = {Loops.OSLO, Loops.OSLO, Loops.OSLO, Loops.OSLO, Loops.BERLIN, Loops.LONDON};

    private RealisticInstances() {
    }

    public static Instance generate(long seed, double busyShare) {
        Random rnd = new Random(seed);
        LocalDate first = Loops.MONDAY.plusWeeks(rnd.nextInt(4));
        LocalDate last = first.plusDays(11); // Friday of the next week: 10 business days

        List<Interviewer> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ZoneId zone = ZONES[rnd.nextInt(ZONES.length)];
            LocalTime from = LocalTime.of(8, 0).plusMinutes(30L * rnd.nextInt(3));
            WorkingHours hours = WorkingHours.weekdays(from, from.plusHours(8));
            people.add(calendar(rnd, "p" + i, "Interviewer " + i, zone, hours, first.minusDays(7), last.plusDays(7),
                    busyShare));
        }
        // roles: 0 = hiring manager, 1 = boss, 2..7 peers, 8..15 java pool, 16..19 tour guides, 20..27 team
        List<Pool> pools = List.of(
                new Pool("java-technical", "Java technical", ids(8, 16)),
                new Pool("tour-guides", "Tour guides", ids(16, 20)),
                new Pool("team", "Team", ids(20, 28)));
        List<Room> rooms = new ArrayList<>();
        int[] capacities = {4, 4, 6, 6, 8, 12};
        for (int r = 0; r < capacities.length; r++) {
            List<TimeSpan> busy = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                for (int b = 0; b < 4; b++) {
                    if (rnd.nextBoolean()) {
                        Instant a = d.atTime(LocalTime.of(8 + 2 * b, 0)).atZone(Loops.OSLO).toInstant();
                        busy.add(TimeSpan.of(a, Duration.ofMinutes(60 + 30 * rnd.nextInt(3))));
                    }
                }
            }
            rooms.add(new Room("room" + r, "Room " + r, capacities[r], busy));
        }
        int peer1 = 2 + rnd.nextInt(6);
        int peer2 = 2 + (peer1 - 2 + 1 + rnd.nextInt(5)) % 6;
        List<SessionRequest> sessions = List.of(
                SessionRequest.of("hm", SessionKind.INTERVIEW, Duration.ofMinutes(45)).titled("Hiring manager")
                        .withPeople("p0").withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("tech", SessionKind.TECHNICAL, Duration.ofMinutes(60)).titled("Technical")
                        .withFromPool("java-technical", 1).withRoom(RoomNeed.VIDEO),
                SessionRequest.of("boss", SessionKind.EXECUTIVE, Duration.ofMinutes(45)).titled("Director")
                        .withPeople("p1").withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("panel", SessionKind.PANEL, Duration.ofMinutes(60)).titled("Peer panel")
                        .withPeople("p" + peer1, "p" + peer2).withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("tour", SessionKind.TOUR, Duration.ofMinutes(30)).titled("Department tour")
                        .withFromPool("tour-guides", 1),
                SessionRequest.of("lunch", SessionKind.LUNCH, Duration.ofMinutes(60)).titled("Team lunch")
                        .withFromPool("team", 2).withWindow(LocalTimeWindow.of("11:30", "13:30")));
        List<TimeSpan> candidate = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && rnd.nextInt(5) != 0) {
                candidate.add(Loops.span(d, "08:30", "17:30"));
            }
        }
        LoopRequest request = new LoopRequest(Loops.OSLO, first, last, candidate, sessions,
                List.of(OrderRule.first("hm")), 5, Duration.ofMinutes(5));
        return new Instance(seed, request, new Directory(people, pools, rooms));
    }

    /**
     * The same instance with eight sessions: a second technical session (system design) from the
     * Java pool and a 30-minute wrap-up with the hiring manager. Now the manager and the Java pool
     * can each get two interviews from this loop, so their daily limits can bind.
     */
    public static Instance withDesignAndWrapUp(Instance in) {
        List<SessionRequest> more = new ArrayList<>(in.request().sessions());
        more.add(SessionRequest.of("design", SessionKind.TECHNICAL, Duration.ofMinutes(60)).titled("System design")
                .withFromPool("java-technical", 1).withRoom(RoomNeed.VIDEO));
        more.add(SessionRequest.of("wrap-up", SessionKind.INTERVIEW, Duration.ofMinutes(30)).titled("Wrap-up")
                .withPeople("p0"));
        return new Instance(in.seed(), in.request().withSessions(more), in.directory());
    }

    private static List<String> ids(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("p" + i);
        }
        return out;
    }

    /** One working day in 25 is time off; meetings fill the rest up to busyShare of working time overall. */
    private static Interviewer calendar(Random rnd, String id, String name, ZoneId zone, WorkingHours hours,
                                        LocalDate from, LocalDate to, double busyShare) {
        double meetingShare = Math.max(0, (busyShare - 1.0 / 25) / (1 - 1.0 / 25));
        List<BusyBlock> busy = new ArrayList<>();
        Map<LocalDate, Integer> booked = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            if (rnd.nextInt(25) == 0) {
                busy.add(BusyBlock.timeOff(d.atStartOfDay(zone).toInstant(), d.plusDays(1).atStartOfDay(zone).toInstant()));
                continue;
            }
            LocalTimeWindow w = hours.on(d.getDayOfWeek()).get(0);
            int dayMinutes = (int) w.minutes();
            int target = (int) Math.round(dayMinutes * meetingShare);
            boolean[] taken = new boolean[dayMinutes / 15];
            int filled = 0;
            int attempts = 0;
            while (filled < target && attempts++ < 200) {
                int length = Math.min(2 + rnd.nextInt(7), Math.max(1, (target - filled) / 15)); // 15..120 minutes
                int startQ = rnd.nextInt(taken.length - length + 1);
                boolean free = true;
                for (int q = startQ; q < startQ + length; q++) {
                    free &= !taken[q];
                }
                if (!free) {
                    continue;
                }
                for (int q = startQ; q < startQ + length; q++) {
                    taken[q] = true;
                }
                filled += length * 15;
                Instant a = d.atTime(w.from()).plusMinutes(15L * startQ).atZone(zone).toInstant();
                busy.add(BusyBlock.booked(a, a.plus(Duration.ofMinutes(15L * length))));
            }
            if (rnd.nextInt(3) == 0) {
                booked.put(d, 1 + rnd.nextInt(2));
            }
        }
        InterviewLimits limits = new InterviewLimits(2 + rnd.nextInt(2), 6 + rnd.nextInt(3));
        return new Interviewer(id, name, zone, hours, limits, busy, booked);
    }
}
