package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.BusyBlock;
import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.Interviewer;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopOption;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.OrderRule;
import dev.secondround.scheduling.engine.Participant;
import dev.secondround.scheduling.engine.PoolDemand;
import dev.secondround.scheduling.engine.Room;
import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.ScheduledSession;
import dev.secondround.scheduling.engine.ScoreWeights;
import dev.secondround.scheduling.engine.SessionKind;
import dev.secondround.scheduling.engine.SessionRequest;
import dev.secondround.scheduling.engine.TimeSpan;
import dev.secondround.scheduling.engine.Venue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hard constraints and the score, written again from the specification with plain
 * {@code java.time} arithmetic and no grid: it shares nothing with the engine but the input records.
 * Used to check every option the engine produces and by the brute-force oracle.
 */
public final class IndependentRules {

    private IndependentRules() {
    }

    // ------------------------------------------------------------------ single-session facts

    /** [start, end) lies in the union of the candidate's windows. */
    public static boolean candidateCovers(List<TimeSpan> windows, Instant start, Instant end) {
        Instant cursor = start;
        boolean progress = true;
        while (cursor.isBefore(end) && progress) {
            progress = false;
            for (TimeSpan w : windows) {
                if (!w.start().isAfter(cursor) && w.end().isAfter(cursor)) {
                    cursor = w.end();
                    progress = true;
                }
            }
        }
        return !cursor.isBefore(end);
    }

    /** The working window of the person's local day that holds [start, end), or null. */
    public static LocalTimeWindow workingWindow(Interviewer p, Instant start, Instant end) {
        LocalDateTime a = LocalDateTime.ofInstant(start, p.zone());
        LocalDateTime b = LocalDateTime.ofInstant(end, p.zone());
        if (!a.toLocalDate().equals(b.toLocalDate())) {
            return null;
        }
        for (LocalTimeWindow w : p.workingHours().on(a.getDayOfWeek())) {
            if (!a.toLocalTime().isBefore(w.from()) && !b.toLocalTime().isAfter(w.to())) {
                return w;
            }
        }
        return null;
    }

    public static boolean busy(Interviewer p, Instant start, Instant end) {
        for (BusyBlock b : p.busy()) {
            if (b.start().isBefore(end) && start.isBefore(b.end())) {
                return true;
            }
        }
        return false;
    }

    public static boolean roomFree(Room r, Instant start, Instant end) {
        for (TimeSpan b : r.busy()) {
            if (b.start().isBefore(end) && start.isBefore(b.end())) {
                return false;
            }
        }
        return true;
    }

    public static LocalDate localDate(Interviewer p, Instant i) {
        return LocalDateTime.ofInstant(i, p.zone()).toLocalDate();
    }

    /** Week key "2026-W48" of a local date. */
    public static String week(LocalDate d) {
        return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public static int bookedInWeek(Interviewer p, LocalDate d) {
        int sum = 0;
        for (Map.Entry<LocalDate, Integer> e : p.interviewsBookedPerDay().entrySet()) {
            if (week(e.getKey()).equals(week(d))) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    // ------------------------------------------------------------------ the checker

    /** Every hard constraint the option breaks, in words; empty when it is valid. */
    public static List<String> violations(LoopRequest req, Directory dir, LoopOption option) {
        List<String> v = new ArrayList<>();
        Map<String, SessionRequest> requested = new HashMap<>();
        req.sessions().forEach(s -> requested.put(s.id(), s));
        List<ScheduledSession> sessions = new ArrayList<>(option.sessions());
        if (sessions.size() != req.sessions().size()) {
            v.add("has " + sessions.size() + " sessions, not " + req.sessions().size());
        }
        Set<String> seen = new HashSet<>();
        for (ScheduledSession s : sessions) {
            if (!seen.add(s.sessionId()) || !requested.containsKey(s.sessionId())) {
                v.add("session " + s.sessionId() + " unknown or repeated");
            }
        }
        if (!v.isEmpty()) {
            return v;
        }
        sessions.sort(Comparator.comparing(ScheduledSession::start));
        Instant dayStart = option.day().atStartOfDay(req.zone()).toInstant();
        Instant dayEnd = option.day().plusDays(1).atStartOfDay(req.zone()).toInstant();
        if (option.day().isBefore(req.firstDay()) || option.day().isAfter(req.lastDay())) {
            v.add("day " + option.day() + " outside the range");
        }
        long g = req.granularity().getSeconds();
        for (int i = 0; i < sessions.size(); i++) {
            ScheduledSession s = sessions.get(i);
            SessionRequest r = requested.get(s.sessionId());
            String n = s.sessionId();
            if (!Duration.between(s.start(), s.end()).equals(r.duration())) {
                v.add(n + " lasts " + Duration.between(s.start(), s.end()));
            }
            if (s.start().isBefore(dayStart) || s.end().isAfter(dayEnd)) {
                v.add(n + " not on " + option.day());
            }
            if ((s.start().getEpochSecond() - dayStart.getEpochSecond()) % g != 0) {
                v.add(n + " off the grid");
            }
            if (i > 0 && sessions.get(i - 1).end().isAfter(s.start())) {
                v.add(n + " overlaps " + sessions.get(i - 1).sessionId() + " for the candidate");
            }
            if (!candidateCovers(req.candidateAvailability(), s.start(), s.end())) {
                v.add(n + " outside the candidate's availability");
            }
            if (r.window().isPresent()) {
                LocalTimeWindow w = r.window().get();
                Instant from = option.day().atTime(w.from()).atZone(req.zone()).toInstant();
                Instant to = option.day().atTime(w.to()).atZone(req.zone()).toInstant();
                if (s.start().isBefore(from) || s.end().isAfter(to)) {
                    v.add(n + " outside its window " + w);
                }
            }
            // people
            List<String> ids = s.personIds();
            if (new HashSet<>(ids).size() != ids.size()) {
                v.add(n + " has someone twice");
            }
            if (!new HashSet<>(ids).containsAll(r.people())) {
                v.add(n + " misses a named person");
            }
            for (PoolDemand d : r.pools()) {
                List<String> members = dir.pool(d.poolId()).orElseThrow().memberIds();
                long picked = s.participants().stream()
                        .filter(p -> p.fromPool().map(d.poolId()::equals).orElse(false)).count();
                long total = r.pools().stream().filter(x -> x.poolId().equals(d.poolId())).mapToInt(PoolDemand::count).sum();
                if (picked != total) {
                    v.add(n + " has " + picked + " from pool " + d.poolId() + ", wants " + total);
                }
                for (Participant p : s.participants()) {
                    if (p.fromPool().map(d.poolId()::equals).orElse(false) && !members.contains(p.personId())) {
                        v.add(n + ": " + p.personId() + " is not in pool " + d.poolId());
                    }
                }
            }
            if (ids.size() != r.participantCount()) {
                v.add(n + " has " + ids.size() + " participants, wants " + r.participantCount());
            }
            for (String id : ids) {
                Interviewer p = dir.person(id).orElseThrow();
                if (workingWindow(p, s.start(), s.end()) == null) {
                    v.add(n + ": " + id + " outside working hours");
                }
                if (busy(p, s.start(), s.end())) {
                    v.add(n + ": " + id + " busy or on time off");
                }
            }
            // room
            if (r.room() == RoomNeed.IN_PERSON) {
                if (!(s.venue() instanceof Venue.InRoom in)) {
                    v.add(n + " has no room");
                } else {
                    Room room = dir.rooms().stream().filter(x -> x.id().equals(in.roomId())).findFirst().orElseThrow();
                    if (room.capacity() < r.participantCount() + 1) {
                        v.add(n + ": room " + room.id() + " too small");
                    }
                    if (!roomFree(room, s.start(), s.end())) {
                        v.add(n + ": room " + room.id() + " taken");
                    }
                }
            } else if (r.room() == RoomNeed.VIDEO && !(s.venue() instanceof Venue.VideoCall)) {
                v.add(n + " should be on video");
            }
        }
        // order rules
        Map<String, ScheduledSession> byId = new HashMap<>();
        sessions.forEach(s -> byId.put(s.sessionId(), s));
        for (OrderRule rule : req.orderRules()) {
            if (rule instanceof OrderRule.First f) {
                for (ScheduledSession s : sessions) {
                    if (s != byId.get(f.session()) && s.start().isBefore(byId.get(f.session()).end())) {
                        v.add("not first: " + f.session());
                    }
                }
            } else if (rule instanceof OrderRule.Last l) {
                for (ScheduledSession s : sessions) {
                    if (s != byId.get(l.session()) && s.end().isAfter(byId.get(l.session()).start())) {
                        v.add("not last: " + l.session());
                    }
                }
            } else if (rule instanceof OrderRule.Before b) {
                if (byId.get(b.earlier()).end().isAfter(byId.get(b.later()).start())) {
                    v.add(b.earlier() + " not before " + b.later());
                }
            }
        }
        // limits
        Map<String, Integer> perDay = new HashMap<>();
        Map<String, Integer> perWeek = new HashMap<>();
        for (ScheduledSession s : sessions) {
            if (!s.kind().countsAsInterview()) {
                continue;
            }
            for (String id : s.personIds()) {
                Interviewer p = dir.person(id).orElseThrow();
                LocalDate d = localDate(p, s.start());
                perDay.merge(id + "|" + d, 1, Integer::sum);
                perWeek.merge(id + "|" + week(d), 1, Integer::sum);
            }
        }
        for (ScheduledSession s : sessions) {
            for (String id : s.personIds()) {
                Interviewer p = dir.person(id).orElseThrow();
                LocalDate d = localDate(p, s.start());
                int day = perDay.getOrDefault(id + "|" + d, 0);
                int week = perWeek.getOrDefault(id + "|" + week(d), 0);
                if (day > 0 && p.bookedOn(d) + day > p.limits().perDay()) {
                    v.add(id + " over the daily limit on " + d);
                }
                if (week > 0 && bookedInWeek(p, d) + week > p.limits().perWeek()) {
                    v.add(id + " over the weekly limit in " + week(d));
                }
            }
        }
        return v.stream().distinct().toList();
    }

    // ------------------------------------------------------------------ the score

    /** A timetable reduced to what scoring needs. */
    public record Placed(String sessionId, SessionKind kind, Instant start, Instant end, List<String> named,
                         List<String[]> pooled) {
    }

    public static int score(LoopRequest req, Directory dir, ScoreWeights w, LocalDate day, List<Placed> placed) {
        List<Placed> list = new ArrayList<>(placed);
        list.sort(Comparator.comparing(Placed::start));
        long idle = 0;
        long stretch = 0;
        Instant stretchStart = null;
        Instant prevEnd = null;
        for (Placed p : list) {
            if (prevEnd != null) {
                idle += Duration.between(prevEnd, p.start()).toMinutes();
            }
            boolean rest = p.kind() == SessionKind.BREAK || p.kind() == SessionKind.LUNCH;
            if (rest) {
                if (stretchStart != null) {
                    stretch += over(Duration.between(stretchStart, prevEnd).toMinutes(), w);
                }
                stretchStart = null;
            } else if (stretchStart == null) {
                stretchStart = p.start();
            } else if (Duration.between(prevEnd, p.start()).toMinutes() >= w.restGapMinutes()) {
                stretch += over(Duration.between(stretchStart, prevEnd).toMinutes(), w);
                stretchStart = p.start();
            }
            prevEnd = p.end();
        }
        if (stretchStart != null) {
            stretch += over(Duration.between(stretchStart, prevEnd).toMinutes(), w);
        }
        long total = idle * w.idlePerMinute() + stretch;
        total += ChronoUnit.DAYS.between(req.firstDay(), day) * w.laterDayPerDay();
        for (Placed p : list) {
            List<String> everyone = new ArrayList<>(p.named());
            for (String[] poolAndPerson : p.pooled()) {
                everyone.add(poolAndPerson[1]);
                List<String> members = dir.pool(poolAndPerson[0]).orElseThrow().memberIds();
                int min = Integer.MAX_VALUE;
                for (String m : members) {
                    min = Math.min(min, dir.person(m).orElseThrow().bookedInWeekOf(day));
                }
                total += (long) (dir.person(poolAndPerson[1]).orElseThrow().bookedInWeekOf(day) - min)
                        * w.poolLoadPerInterview();
            }
            for (String id : everyone) {
                Interviewer person = dir.person(id).orElseThrow();
                LocalTimeWindow win = workingWindow(person, p.start(), p.end());
                ZonedDateTime a = p.start().atZone(person.zone());
                ZonedDateTime b = p.end().atZone(person.zone());
                long fromStart = Duration.between(a.toLocalDate().atTime(win.from()).atZone(person.zone()), a).toMinutes();
                long toEnd = Duration.between(b, b.toLocalDate().atTime(win.to()).atZone(person.zone())).toMinutes();
                total += (Math.max(0, w.edgeMarginMinutes() - fromStart) + Math.max(0, w.edgeMarginMinutes() - toEnd))
                        * w.edgePerMinute();
            }
        }
        return (int) total;
    }

    private static long over(long minutes, ScoreWeights w) {
        return Math.max(0, minutes - w.stretchMinutes()) * w.longStretchPerMinute();
    }

    /** The score of an engine option, recomputed independently. */
    public static int score(LoopRequest req, Directory dir, ScoreWeights w, LoopOption option) {
        List<Placed> placed = new ArrayList<>();
        for (ScheduledSession s : option.sessions()) {
            List<String> named = new ArrayList<>();
            List<String[]> pooled = new ArrayList<>();
            for (Participant p : s.participants()) {
                if (p.fromPool().isPresent()) {
                    pooled.add(new String[] {p.fromPool().get(), p.personId()});
                } else {
                    named.add(p.personId());
                }
            }
            placed.add(new Placed(s.sessionId(), s.kind(), s.start(), s.end(), named, pooled));
        }
        return score(req, dir, w, option.day(), placed);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
