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
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small random instances for the property tests: 1–2 days, 2–4 sessions, 3–6 people in up to four
 * zones, pools, rooms, busy blocks off the grid, time off, limits with existing load, session windows
 * and consistent order rules, on a 15-minute grid. About half of them have no option at all.
 */
public final class RandomInstances {

    public record Instance(long seed, LoopRequest request, Directory directory) {
    }

    private static final ZoneId[] LOOP_ZONES = {Loops.OSLO, Loops.LONDON, ZoneId.of("UTC")};
    private static final ZoneId[] PEOPLE_ZONES = {Loops.OSLO, Loops.OSLO, Loops.OSLO, Loops.BERLIN, Loops.LONDON,
        Loops.LONDON, Loops.NEW_YORK};
    private static final SessionKind[] KINDS = SessionKind.values();

    private RandomInstances() {
    }

    public static Instance generate(long seed) {
        Random rnd = new Random(seed);
        ZoneId zone = LOOP_ZONES[rnd.nextInt(LOOP_ZONES.length)];
        LocalDate first = Loops.MONDAY.plusDays(rnd.nextInt(5));
        LocalDate last = first.plusDays(rnd.nextInt(2));

        // people
        int n = 3 + rnd.nextInt(4);
        List<Interviewer> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ZoneId z = PEOPLE_ZONES[rnd.nextInt(PEOPLE_ZONES.length)];
            LocalTime from = LocalTime.of(7 + rnd.nextInt(4), rnd.nextInt(4) == 0 ? 10 * rnd.nextInt(6) : 0);
            LocalTime to = LocalTime.of(14 + rnd.nextInt(5), rnd.nextInt(4) == 0 ? 30 : 0);
            Map<DayOfWeek, List<LocalTimeWindow>> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.getValue() <= 5 || rnd.nextInt(8) == 0) {
                    if (rnd.nextInt(5) == 0) {
                        hours.put(d, List.of(new LocalTimeWindow(from, LocalTime.of(12, 0)),
                                new LocalTimeWindow(LocalTime.of(13, 0), to)));
                    } else {
                        hours.put(d, List.of(new LocalTimeWindow(from, to)));
                    }
                }
            }
            List<BusyBlock> busy = new ArrayList<>();
            Map<LocalDate, Integer> booked = new HashMap<>();
            for (LocalDate d = first.minusDays(1); !d.isAfter(last.plusDays(1)); d = d.plusDays(1)) {
                if (rnd.nextInt(15) == 0) {
                    Instant a = d.atStartOfDay(z).toInstant();
                    busy.add(BusyBlock.timeOff(a, a.plus(Duration.ofDays(1))));
                }
                int blocks = rnd.nextInt(3);
                for (int b = 0; b < blocks; b++) {
                    Instant a = d.atTime(LocalTime.of(8 + rnd.nextInt(9), 5 * rnd.nextInt(12))).atZone(z).toInstant();
                    busy.add(BusyBlock.booked(a, a.plus(Duration.ofMinutes(10 + 5 * rnd.nextInt(18)))));
                }
                if (rnd.nextInt(3) == 0) {
                    booked.put(d, 1 + rnd.nextInt(2));
                }
            }
            InterviewLimits limits = rnd.nextInt(3) == 0 ? InterviewLimits.NONE
                    : new InterviewLimits(2 + rnd.nextInt(3), 3 + rnd.nextInt(6));
            people.add(new Interviewer("p" + i, "Person " + i, z, new WorkingHours(hours), limits, busy, booked));
        }

        // pools
        List<Pool> pools = new ArrayList<>();
        int poolCount = rnd.nextInt(3);
        for (int q = 0; q < poolCount; q++) {
            List<String> ids = new ArrayList<>();
            for (Interviewer p : people) {
                ids.add(p.id());
            }
            Collections.shuffle(ids, rnd);
            pools.add(new Pool("pool" + q, "pool" + q, ids.subList(0, 2 + rnd.nextInt(2))));
        }

        // rooms
        List<Room> rooms = new ArrayList<>();
        int roomCount = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(2);
        for (int r = 0; r < roomCount; r++) {
            List<TimeSpan> busy = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (rnd.nextBoolean()) {
                    Instant a = d.atTime(LocalTime.of(8 + rnd.nextInt(8), 15 * rnd.nextInt(4))).atZone(zone).toInstant();
                    busy.add(TimeSpan.of(a, Duration.ofMinutes(30 + 15 * rnd.nextInt(8))));
                }
            }
            rooms.add(new Room("room" + r, "Room " + r, 3 + rnd.nextInt(5), busy));
        }

        // sessions
        int sessionCount = 2 + rnd.nextInt(3);
        List<SessionRequest> sessions = new ArrayList<>();
        for (int s = 0; s < sessionCount; s++) {
            SessionKind kind = KINDS[rnd.nextInt(KINDS.length)];
            Duration duration = Duration.ofMinutes(15L * (1 + rnd.nextInt(4)));
            SessionRequest req = SessionRequest.of("s" + s, kind, duration);
            if (kind != SessionKind.BREAK) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, rnd);
                int named = rnd.nextInt(3);
                boolean usePool = !pools.isEmpty() && (named == 0 || rnd.nextBoolean());
                if (named == 0 && !usePool && kind != SessionKind.LUNCH) {
                    named = 1;
                }
                for (int i = 0; i < named; i++) {
                    req = req.withPeople(people.get(order.get(i)).id());
                }
                if (usePool) {
                    Pool pool = pools.get(rnd.nextInt(pools.size()));
                    req = req.withFromPool(pool.id(), rnd.nextInt(5) == 0 ? 2 : 1);
                }
                int roomDraw = rnd.nextInt(5);
                req = req.withRoom(roomDraw == 0 ? RoomNeed.IN_PERSON : roomDraw == 1 ? RoomNeed.VIDEO : RoomNeed.NONE);
            }
            if (rnd.nextInt(6) == 0) {
                int h = 9 + rnd.nextInt(5);
                req = req.withWindow(new LocalTimeWindow(LocalTime.of(h, 30 * rnd.nextInt(2)),
                        LocalTime.of(h + 1 + rnd.nextInt(3), 0)));
            }
            sessions.add(req);
        }

        // order rules consistent with a random permutation
        List<Integer> perm = new ArrayList<>();
        for (int s = 0; s < sessionCount; s++) {
            perm.add(s);
        }
        Collections.shuffle(perm, rnd);
        List<OrderRule> rules = new ArrayList<>();
        int ruleCount = rnd.nextInt(3);
        boolean first0 = false;
        boolean last0 = false;
        for (int i = 0; i < ruleCount; i++) {
            int type = rnd.nextInt(3);
            if (type == 0 && !first0) {
                rules.add(OrderRule.first("s" + perm.get(0)));
                first0 = true;
            } else if (type == 1 && !last0) {
                rules.add(OrderRule.last("s" + perm.get(sessionCount - 1)));
                last0 = true;
            } else {
                int a = rnd.nextInt(sessionCount - 1);
                int b = a + 1 + rnd.nextInt(sessionCount - 1 - a);
                rules.add(OrderRule.before("s" + perm.get(a), "s" + perm.get(b)));
            }
        }

        // candidate
        List<TimeSpan> availability = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (rnd.nextInt(10) == 0) {
                continue;
            }
            int windows = 1 + rnd.nextInt(2);
            int hour = 8 + rnd.nextInt(2);
            for (int w = 0; w < windows; w++) {
                Instant a = d.atTime(LocalTime.of(hour, 15 * rnd.nextInt(4))).atZone(zone).toInstant();
                int lengthMinutes = 150 + 15 * rnd.nextInt(13);
                availability.add(TimeSpan.of(a, Duration.ofMinutes(lengthMinutes)));
                hour = Math.min(20, hour + 1 + lengthMinutes / 60 + rnd.nextInt(2));
            }
        }
        LoopRequest request = new LoopRequest(zone, first, last, availability, sessions, rules, 1 + rnd.nextInt(5),
                Duration.ofMinutes(15));
        return new Instance(seed, request, new Directory(people, pools, rooms));
    }
}
