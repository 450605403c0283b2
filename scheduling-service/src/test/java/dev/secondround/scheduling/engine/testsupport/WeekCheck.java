package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.Interviewer;
import dev.secondround.scheduling.engine.LoopOption;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.ScheduledSession;
import dev.secondround.scheduling.engine.Venue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent check of a whole week of booked loops against the directory <i>as it was before
 * any of them was booked</i>. Shares nothing with the engine (nor with {@link WeekPlanner}'s booking)
 * but the input records:
 * <ul>
 * <li>each loop alone, with {@link IndependentRules#violations}: its sessions, the candidate's
 * availability and windows, working hours in each person's zone, time off and existing bookings of
 * people and rooms, room sizes, pool membership, order rules, the limits for that loop alone;</li>
 * <li>across loops: nobody is in two sessions at once, no room holds two sessions at once;</li>
 * <li>across loops: each person's interviews (the ones already booked plus every loop's) stay within
 * their daily limit per local date and their weekly limit per ISO week.</li>
 * </ul>
 */
public final class WeekCheck {

    /** A booked loop: the request it was planned for and the option that was booked. */
    public record BookedLoop(String who, LoopRequest request, LoopOption option) {
    }

    /** A person or room in one session of one loop. */
    private record Use(String loop, String session, Instant start, Instant end) {
        @Override
        public String toString() {
            return session + " of " + loop + " " + start + ".." + end;
        }
    }

    private WeekCheck() {
    }

    /** Every conflict found, in words; empty when the week is sound. */
    public static List<String> conflicts(Directory before, List<BookedLoop> loops) {
        List<String> out = new ArrayList<>();
        for (BookedLoop loop : loops) {
            for (String v : IndependentRules.violations(loop.request(), before, loop.option())) {
                out.add(loop.who() + ": " + v);
            }
        }
        // every (person or room, session) booked this week
        Map<String, List<Use>> byPerson = new TreeMap<>();
        Map<String, List<Use>> byRoom = new TreeMap<>();
        Map<String, Integer> perDay = new TreeMap<>();   // "person|date"
        Map<String, Integer> perWeek = new TreeMap<>();  // "person|week"
        Map<String, Interviewer> people = new HashMap<>();
        before.people().forEach(p -> people.putIfAbsent(p.id(), p));
        for (BookedLoop loop : loops) {
            for (ScheduledSession s : loop.option().sessions()) {
                for (String id : s.personIds()) {
                    byPerson.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new Use(loop.who(), s.sessionId(), s.start(), s.end()));
                    Interviewer p = people.get(id);
                    if (p != null && s.kind().countsAsInterview()) {
                        LocalDate d = IndependentRules.localDate(p, s.start());
                        perDay.merge(id + "|" + d, 1, Integer::sum);
                        perWeek.merge(id + "|" + IndependentRules.week(d), 1, Integer::sum);
                    }
                }
                if (s.venue() instanceof Venue.InRoom in) {
                    byRoom.computeIfAbsent(in.roomId(), k -> new ArrayList<>())
                            .add(new Use(loop.who(), s.sessionId(), s.start(), s.end()));
                }
            }
        }
        for (Map.Entry<String, List<Use>> e : byPerson.entrySet()) {
            overlaps("person " + e.getKey(), e.getValue(), out);
        }
        for (Map.Entry<String, List<Use>> e : byRoom.entrySet()) {
            overlaps("room " + e.getKey(), e.getValue(), out);
        }
        perDay.forEach((key, n) -> {
            String id = key.substring(0, key.indexOf('|'));
            LocalDate d = LocalDate.parse(key.substring(key.indexOf('|') + 1));
            Interviewer p = people.get(id);
            if (p.bookedOn(d) + n > p.limits().perDay()) {
                out.add(id + " has " + (p.bookedOn(d) + n) + " interviews on " + d + ", limit " + p.limits().perDay());
            }
        });
        Map<String, LocalDate> aDayOfWeek = new HashMap<>();
        perDay.keySet().forEach(key -> {
            LocalDate d = LocalDate.parse(key.substring(key.indexOf('|') + 1));
            aDayOfWeek.putIfAbsent(key.substring(0, key.indexOf('|')) + "|" + IndependentRules.week(d), d);
        });
        perWeek.forEach((key, n) -> {
            String id = key.substring(0, key.indexOf('|'));
            Interviewer p = people.get(id);
            int already = IndependentRules.bookedInWeek(p, aDayOfWeek.get(key));
            if (already + n > p.limits().perWeek()) {
                out.add(id + " has " + (already + n) + " interviews in " + key.substring(key.indexOf('|') + 1)
                        + ", limit " + p.limits().perWeek());
            }
        });
        return out;
    }

    /** Pairs of uses that overlap in time (quadratic; a week has few). */
    private static void overlaps(String what, List<Use> uses, List<String> out) {
        for (int i = 0; i < uses.size(); i++) {
            for (int j = i + 1; j < uses.size(); j++) {
                Use a = uses.get(i);
                Use b = uses.get(j);
                if (a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
                    out.add(what + " double-booked: " + a + " and " + b);
                }
            }
        }
    }
}
