package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.Interviewer;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.OrderRule;
import dev.secondround.scheduling.engine.PoolDemand;
import dev.secondround.scheduling.engine.Room;
import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.ScoreWeights;
import dev.secondround.scheduling.engine.SessionRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exhaustive enumeration of every valid timetable of a small request: every day, every grid start of
 * every session, every choice of pool members, in session-index order (so every order of sessions
 * comes out of the start times), then the cross-session rules and the score from
 * {@link IndependentRules}. No search strategy, no bounds: only obviously invalid single sessions are
 * dropped before combining. Rooms are not enumerated (the engine picks one deterministically); a
 * session needs some free room that seats everyone.
 */
public final class BruteForceOracle {

    private final LoopRequest req;
    private final Directory dir;
    private final ScoreWeights weights;
    private final List<Integer> scores = new ArrayList<>();

    private BruteForceOracle(LoopRequest req, Directory dir, ScoreWeights weights) {
        this.req = req;
        this.dir = dir;
        this.weights = weights;
    }

    /** The scores of all valid timetables, ascending (empty when nothing fits). */
    public static List<Integer> allScores(LoopRequest req, Directory dir, ScoreWeights weights) {
        BruteForceOracle oracle = new BruteForceOracle(req, dir, weights);
        for (LocalDate d = req.firstDay(); !d.isAfter(req.lastDay()); d = d.plusDays(1)) {
            oracle.day(d);
        }
        Collections.sort(oracle.scores);
        return oracle.scores;
    }

    private void day(LocalDate day) {
        Instant dayStart = day.atStartOfDay(req.zone()).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(req.zone()).toInstant();
        List<List<IndependentRules.Placed>> choices = new ArrayList<>();
        for (SessionRequest s : req.sessions()) {
            List<IndependentRules.Placed> list = new ArrayList<>();
            for (Instant t = dayStart; !t.plus(s.duration()).isAfter(dayEnd); t = t.plus(req.granularity())) {
                Instant end = t.plus(s.duration());
                if (sessionOk(s, day, t, end)) {
                    for (List<String[]> picks : picks(s, 0, new ArrayList<>(s.people()), t, end)) {
                        list.add(new IndependentRules.Placed(s.id(), s.kind(), t, end, s.people(), picks));
                    }
                }
            }
            choices.add(list);
        }
        combine(day, choices, 0, new ArrayList<>());
    }

    private boolean sessionOk(SessionRequest s, LocalDate day, Instant start, Instant end) {
        if (!IndependentRules.candidateCovers(req.candidateAvailability(), start, end)) {
            return false;
        }
        if (s.window().isPresent()) {
            LocalTimeWindow w = s.window().get();
            if (start.isBefore(day.atTime(w.from()).atZone(req.zone()).toInstant())
                    || end.isAfter(day.atTime(w.to()).atZone(req.zone()).toInstant())) {
                return false;
            }
        }
        for (String id : s.people()) {
            if (!personOk(s, id, start, end)) {
                return false;
            }
        }
        if (s.room() == RoomNeed.IN_PERSON) {
            boolean any = false;
            for (Room r : dir.rooms()) {
                any |= r.capacity() >= s.participantCount() + 1 && IndependentRules.roomFree(r, start, end);
            }
            return any;
        }
        return true;
    }

    private boolean personOk(SessionRequest s, String id, Instant start, Instant end) {
        Interviewer p = dir.person(id).orElseThrow();
        if (IndependentRules.workingWindow(p, start, end) == null || IndependentRules.busy(p, start, end)) {
            return false;
        }
        if (s.kind().countsAsInterview()) {
            LocalDate d = IndependentRules.localDate(p, start);
            return (long) p.bookedOn(d) + 1 <= p.limits().perDay()
                    && (long) IndependentRules.bookedInWeek(p, d) + 1 <= p.limits().perWeek();
        }
        return true;
    }

    /** Every way to fill the pool demands from index d on with people not yet in the session. */
    private List<List<String[]>> picks(SessionRequest s, int d, List<String> taken, Instant start, Instant end) {
        List<List<String[]>> out = new ArrayList<>();
        if (d == s.pools().size()) {
            out.add(new ArrayList<>());
            return out;
        }
        PoolDemand demand = s.pools().get(d);
        List<String> members = new ArrayList<>();
        for (String m : dir.pool(demand.poolId()).orElseThrow().memberIds()) {
            if (!taken.contains(m) && !members.contains(m) && personOk(s, m, start, end)) {
                members.add(m);
            }
        }
        for (List<String> subset : subsets(members, demand.count(), 0)) {
            List<String> nowTaken = new ArrayList<>(taken);
            nowTaken.addAll(subset);
            for (List<String[]> rest : picks(s, d + 1, nowTaken, start, end)) {
                List<String[]> all = new ArrayList<>();
                for (String m : subset) {
                    all.add(new String[] {demand.poolId(), m});
                }
                all.addAll(rest);
                out.add(all);
            }
        }
        return out;
    }

    private static List<List<String>> subsets(List<String> items, int size, int from) {
        List<List<String>> out = new ArrayList<>();
        if (size == 0) {
            out.add(new ArrayList<>());
            return out;
        }
        for (int i = from; i <= items.size() - size; i++) {
            for (List<String> rest : subsets(items, size - 1, i + 1)) {
                rest.add(0, items.get(i));
                out.add(rest);
            }
        }
        return out;
    }

    private void combine(LocalDate day, List<List<IndependentRules.Placed>> choices, int i,
                         List<IndependentRules.Placed> chosen) {
        if (i == choices.size()) {
            if (orderOk(chosen) && limitsOk(chosen)) {
                scores.add(IndependentRules.score(req, dir, weights, day, chosen));
            }
            return;
        }
        for (IndependentRules.Placed p : choices.get(i)) {
            boolean overlaps = false;
            for (IndependentRules.Placed q : chosen) {
                overlaps |= p.start().isBefore(q.end()) && q.start().isBefore(p.end());
            }
            if (!overlaps) {
                chosen.add(p);
                combine(day, choices, i + 1, chosen);
                chosen.remove(chosen.size() - 1);
            }
        }
    }

    private boolean orderOk(List<IndependentRules.Placed> chosen) {
        Map<String, IndependentRules.Placed> byId = new HashMap<>();
        chosen.forEach(p -> byId.put(p.sessionId(), p));
        for (OrderRule rule : req.orderRules()) {
            if (rule instanceof OrderRule.First f) {
                for (IndependentRules.Placed p : chosen) {
                    if (!p.sessionId().equals(f.session()) && p.start().isBefore(byId.get(f.session()).end())) {
                        return false;
                    }
                }
            } else if (rule instanceof OrderRule.Last l) {
                for (IndependentRules.Placed p : chosen) {
                    if (!p.sessionId().equals(l.session()) && p.end().isAfter(byId.get(l.session()).start())) {
                        return false;
                    }
                }
            } else if (rule instanceof OrderRule.Before b
                    && byId.get(b.earlier()).end().isAfter(byId.get(b.later()).start())) {
                return false;
            }
        }
        return true;
    }

    private boolean limitsOk(List<IndependentRules.Placed> chosen) {
        Map<String, Integer> perDay = new HashMap<>();
        Map<String, Integer> perWeek = new HashMap<>();
        for (IndependentRules.Placed p : chosen) {
            if (!p.kind().countsAsInterview()) {
                continue;
            }
            List<String> everyone = new ArrayList<>(p.named());
            p.pooled().forEach(x -> everyone.add(x[1]));
            for (String id : everyone) {
                Interviewer person = dir.person(id).orElseThrow();
                LocalDate d = IndependentRules.localDate(person, p.start());
                int day = perDay.merge(id + "|" + d, 1, Integer::sum);
                int week = perWeek.merge(id + "|" + IndependentRules.week(d), 1, Integer::sum);
                if ((long) person.bookedOn(d) + day > person.limits().perDay()
                        || (long) IndependentRules.bookedInWeek(person, d) + week > person.limits().perWeek()) {
                    return false;
                }
            }
        }
        return true;
    }
}
