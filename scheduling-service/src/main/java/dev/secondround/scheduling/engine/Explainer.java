package dev.secondround.scheduling.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says why no option fits, in words a coordinator can act on. First the obstacles that block every
 * day by themselves (a window shorter than its session, a pool smaller than the demand, no room big
 * enough, a limit below what the loop asks of one person). Then, day by day: is the candidate
 * available; for each session that cannot be placed alone, who or what stops it (time off, not a
 * working day, working hours outside the candidate's availability in another zone, bookings,
 * limits, rooms, pools, the session window); and when every session fits alone but not all of them
 * together, which rule set (order rules, windows, limits) would make the day work if dropped. The
 * same finding on several days becomes one blocker listing the days.
 */
final class Explainer {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Problem pb;
    private final SearchBudget budget;
    private final Map<String, Finding> findings = new LinkedHashMap<>();

    private Explainer(Problem pb, SearchBudget budget) {
        this.pb = pb;
        this.budget = budget;
    }

    /** Why nothing fits; the relaxed searches it runs share the given budget. */
    static Explanation explain(Problem pb, SearchBudget budget) {
        return new Explainer(pb, budget).run();
    }

    /** The search ran out of steps before it found an option or proved there is none. */
    static Explanation stopped(Problem pb, long steps) {
        LoopRequest r = pb.request;
        return new Explanation("No option found for this loop from " + day(r.firstDay()) + " to " + day(r.lastDay())
                + " (" + r.zone().getId() + "), but the search stopped before it could rule one out.",
                List.of(new Blocker(Blocker.Kind.SEARCH_STOPPED, "search", List.of(), "the search stopped after "
                        + steps + " steps; a shorter date range or fewer sessions would let it finish")));
    }

    private record Finding(Blocker.Kind kind, String subject, String message, List<LocalDate> days, boolean dayless) {
    }

    private Explanation run() {
        LoopRequest r = pb.request;
        String summary = "No option for this loop from " + day(r.firstDay()) + " to " + day(r.lastDay()) + " ("
                + r.zone().getId() + ").";
        globalChecks();
        if (findings.isEmpty()) {
            int offset = 0;
            for (LocalDate d = r.firstDay(); !d.isAfter(r.lastDay()); d = d.plusDays(1), offset++) {
                explainDay(d, offset);
            }
        }
        if (budget.exhausted()) {
            add(Blocker.Kind.SEARCH_STOPPED, "search", null, "the analysis stopped at its step limit, so this list "
                    + "may be incomplete");
        }
        List<Blocker> blockers = new ArrayList<>();
        List<Finding> ordered = new ArrayList<>(findings.values());
        ordered.sort(Comparator.comparing((Finding f) -> !f.dayless())
                .thenComparing(f -> f.kind().ordinal())
                .thenComparing(f -> f.days().isEmpty() ? LocalDate.MIN : f.days().get(0)));
        for (Finding f : ordered) {
            String message = f.dayless() ? f.message() : f.message() + " " + days(f.days());
            blockers.add(new Blocker(f.kind(), f.subject(), f.dayless() ? List.of() : f.days(), message));
        }
        return new Explanation(summary, blockers);
    }

    // ------------------------------------------------------------------ whole-range obstacles

    private void globalChecks() {
        for (int s = 0; s < pb.sessionCount; s++) {
            SessionRequest req = pb.sessions[s];
            LocalTimeWindow w = pb.window[s];
            if (w != null && w.minutes() < req.duration().toMinutes()) {
                add(Blocker.Kind.SESSION_WINDOW, req.title(), null, req.title() + " window " + w + " cannot be met: "
                        + minutes(req.duration().toMinutes()) + " does not fit in it");
            }
            Map<Integer, Integer> needs = needsPerPool(s);
            for (Map.Entry<Integer, Integer> e : needs.entrySet()) {
                int q = e.getKey();
                int available = 0;
                for (int m : pb.poolMembers[q]) {
                    available += isNamed(s, m) ? 0 : 1;
                }
                int need = e.getValue();
                if (available < need) {
                    add(Blocker.Kind.POOL_TOO_SMALL, "pool " + pb.pools[q].id(), null, "pool " + pb.pools[q].id()
                            + " has only " + available + " " + (available == 1 ? "person" : "people")
                            + " who can join " + req.title() + ", which needs " + need + " from it");
                }
            }
            if (pb.roomNeed[s] == RoomNeed.IN_PERSON) {
                Room largest = pb.rooms.length == 0 ? null : pb.rooms[pb.rooms.length - 1];
                if (largest == null || largest.capacity() < pb.seats[s]) {
                    add(Blocker.Kind.NO_ROOM_BIG_ENOUGH, req.title(), null, "no room seats the " + pb.seats[s]
                            + " people of " + req.title() + (largest == null ? " (no rooms in the directory)"
                            : " (largest: " + largest.name() + ", " + largest.capacity() + " seats)"));
                }
            }
        }
        for (int p = 0; p < pb.people.length; p++) {
            int namedIn = 0;
            for (int s = 0; s < pb.sessionCount; s++) {
                if (!pb.interview[s]) {
                    continue;
                }
                for (int n : pb.named[s]) {
                    namedIn += n == p ? 1 : 0;
                }
            }
            Interviewer person = pb.people[p];
            if (namedIn > person.limits().perDay()) {
                add(Blocker.Kind.DAILY_LIMIT, person.displayName(), null, person.displayName() + " is named in "
                        + namedIn + " interview sessions but does at most " + interviews(person.limits().perDay())
                        + " a day");
            } else if (namedIn > person.limits().perWeek()) {
                add(Blocker.Kind.WEEKLY_LIMIT, person.displayName(), null, person.displayName() + " is named in "
                        + namedIn + " interview sessions but does at most " + interviews(person.limits().perWeek())
                        + " a week");
            }
        }
    }

    // ------------------------------------------------------------------ one day

    private void explainDay(LocalDate date, int offset) {
        DayModel dm = new DayModel(pb, date, offset);
        int candidateCells = dm.candidatePrefix[dm.cells];
        if (candidateCells == 0) {
            add(Blocker.Kind.CANDIDATE_UNAVAILABLE, "candidate", date, "candidate not available");
            return;
        }
        int needed = 0;
        for (int s = 0; s < pb.sessionCount; s++) {
            needed += pb.lengthCells[s];
        }
        if (candidateCells < needed) {
            add(Blocker.Kind.CANDIDATE_UNAVAILABLE, "candidate", date, "candidate available for less than the "
                    + minutes((long) needed * pb.granularityMinutes) + " the sessions take");
            return;
        }
        if (!dm.everySessionPlaceable()) {
            for (int s = 0; s < pb.sessionCount; s++) {
                if (dm.starts[s].length == 0) {
                    explainSession(dm, s);
                }
            }
            return;
        }
        if (LoopSearch.anyFit(pb, dm, budget) != null) {
            return; // cannot happen when the search found nothing; nothing to explain on this day
        }
        boolean explained = false;
        Problem noOrder = pb.withoutOrderRules();
        if (!pb.request.orderRules().isEmpty()
                && LoopSearch.anyFit(noOrder, new DayModel(noOrder, date, offset), budget) != null) {
            String rules = pb.request.orderRules().stream().map(o -> o.describe(pb::titleOf))
                    .collect(Collectors.joining(", "));
            add(Blocker.Kind.ORDER_RULES, "order rules", date, "the order rules (" + rules + ") cannot be met");
            explained = true;
        }
        Problem noWindows = pb.withoutWindows();
        boolean anyWindow = false;
        for (LocalTimeWindow w : pb.window) {
            anyWindow |= w != null;
        }
        if (anyWindow && LoopSearch.anyFit(noWindows, new DayModel(noWindows, date, offset), budget) != null) {
            for (int s = 0; s < pb.sessionCount; s++) {
                if (pb.window[s] != null) {
                    add(Blocker.Kind.SESSION_WINDOW, pb.title(s), date, pb.title(s) + " window " + pb.window[s]
                            + " cannot be met together with the other sessions");
                }
            }
            explained = true;
        }
        Problem noLimits = pb.withoutLimits();
        if (dm.limitsMayBind && LoopSearch.anyFit(noLimits, new DayModel(noLimits, date, offset), budget) != null) {
            explained |= explainLoopLimits(dm, date);
        }
        if (!explained) {
            List<String> parts = new ArrayList<>();
            for (int s = 0; s < pb.sessionCount; s++) {
                parts.add(pb.title(s) + " " + ranges(dm, dm.starts[s], pb.lengthCells[s]));
            }
            add(Blocker.Kind.SESSIONS_DO_NOT_FIT_TOGETHER, "sessions", date,
                    "each session fits on its own but not all of them one after another (possible times, "
                            + pb.zone.getId() + ": " + String.join("; ", parts) + ")");
        }
    }

    /** People this loop alone would take over a limit on this day. */
    private boolean explainLoopLimits(DayModel dm, LocalDate date) {
        boolean any = false;
        for (int p = 0; p < pb.people.length; p++) {
            int possible = 0;
            for (int s = 0; s < pb.sessionCount; s++) {
                if (!pb.interview[s]) {
                    continue;
                }
                boolean here = false;
                for (int n : pb.named[s]) {
                    here |= n == p;
                }
                possible += here ? 1 : 0;
            }
            if (possible < 2) {
                continue;
            }
            Interviewer person = pb.people[p];
            for (int slot = 0; slot < dm.dayRemaining[p].length; slot++) {
                if (dm.dayRemaining[p][slot] < possible) {
                    add(Blocker.Kind.DAILY_LIMIT, person.displayName(), date, person.displayName() + ": the "
                            + possible + " interview sessions they are named in would exceed their limit of "
                            + person.limits().perDay() + " a day");
                    any = true;
                    break;
                } else if (dm.weekRemaining[p][slot] < possible) {
                    add(Blocker.Kind.WEEKLY_LIMIT, person.displayName(), date, person.displayName() + ": the "
                            + possible + " interview sessions they are named in would exceed their limit of "
                            + person.limits().perWeek() + " a week");
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            add(Blocker.Kind.DAILY_LIMIT, "interview limits", date,
                    "the interview limits of the people who could be picked from the pools cannot all be kept");
        }
        return true;
    }

    private void explainSession(DayModel dm, int s) {
        LocalDate date = dm.date;
        String title = pb.title(s);
        int len = pb.lengthCells[s];
        List<Integer> frame = new ArrayList<>();
        for (int t = dm.windowFrom[s]; t + len <= dm.windowTo[s]; t++) {
            if (dm.candidateFree(t, len)) {
                frame.add(t);
            }
        }
        String duration = minutes((long) len * pb.granularityMinutes);
        if (frame.isEmpty()) {
            if (pb.window[s] != null) {
                add(Blocker.Kind.SESSION_WINDOW, title, date, title + " window " + pb.window[s]
                        + " cannot be met: the candidate is not available for " + duration + " within it");
            } else {
                add(Blocker.Kind.CANDIDATE_UNAVAILABLE, "candidate", date, "candidate has no " + duration
                        + " stretch free for " + title);
            }
            return;
        }
        String within = pb.window[s] != null ? " within the " + title.toLowerCase(Locale.ROOT) + " window "
                + pb.window[s] : "";
        boolean blamed = false;
        for (int p : pb.named[s]) {
            blamed |= explainPerson(dm, s, p, frame, within);
        }
        if (blamed) {
            return;
        }
        List<Integer> staffed = new ArrayList<>();
        for (int t : frame) {
            boolean all = true;
            for (int p : pb.named[s]) {
                all &= dm.eligible(s, p, t);
            }
            if (all) {
                staffed.add(t);
            }
        }
        if (staffed.isEmpty()) {
            String names = pb.named[s].length == 0 ? "" : java.util.Arrays.stream(pb.named[s])
                    .mapToObj(p -> pb.people[p].displayName()).collect(Collectors.joining(" and "));
            add(Blocker.Kind.PERSON_BUSY, names, date, names + " are never free at the same time for the " + duration
                    + " of " + title + " while the candidate is available" + within);
            return;
        }
        if (pb.roomNeed[s] == RoomNeed.IN_PERSON) {
            List<Integer> roomed = new ArrayList<>();
            for (int t : staffed) {
                if (dm.roomAt[s][t] >= 0) {
                    roomed.add(t);
                }
            }
            if (roomed.isEmpty()) {
                add(Blocker.Kind.NO_ROOM_FREE, title, date, "no room with " + pb.seats[s] + " seats is free for "
                        + title + " when its people and the candidate are");
                return;
            }
            staffed = roomed;
        }
        boolean poolBlamed = false;
        for (Map.Entry<Integer, Integer> e : needsPerPool(s).entrySet()) {
            int q = e.getKey();
            int need = e.getValue();
            int best = 0;
            for (int t : staffed) {
                int free = 0;
                for (int m : pb.poolMembers[q]) {
                    if (!isNamed(s, m) && dm.eligible(s, m, t)) {
                        free++;
                    }
                }
                best = Math.max(best, free);
            }
            if (best < need) {
                add(Blocker.Kind.POOL_TOO_FEW_FREE, "pool " + pb.pools[q].id(), date, "pool " + pb.pools[q].id()
                        + ": only " + best + " of " + need + " needed free for " + title
                        + " while the candidate is available" + within);
                poolBlamed = true;
            }
        }
        if (!poolBlamed) {
            String pools = needsPerPool(s).keySet().stream().map(q -> pb.pools[q].id())
                    .collect(Collectors.joining(" and "));
            add(Blocker.Kind.POOL_TOO_FEW_FREE, title, date, title + ": pools " + pools + " share members and "
                    + "together never have " + pb.pickCount[s] + " different people free at one time");
        }
    }

    /** How many people session s wants from each pool, summed over its demands. */
    private Map<Integer, Integer> needsPerPool(int s) {
        Map<Integer, Integer> needs = new LinkedHashMap<>();
        for (int d = 0; d < pb.demandPool[s].length; d++) {
            needs.merge(pb.demandPool[s][d], pb.demandCount[s][d], Integer::sum);
        }
        return needs;
    }

    private boolean isNamed(int s, int person) {
        for (int p : pb.named[s]) {
            if (p == person) {
                return true;
            }
        }
        return false;
    }

    /** Why person p cannot take session s at any start of the frame, if that is so. */
    private boolean explainPerson(DayModel dm, int s, int p, List<Integer> frame, String within) {
        int len = pb.lengthCells[s];
        Interviewer person = pb.people[p];
        String name = person.displayName();
        LocalDate date = dm.date;
        boolean free = false;
        boolean limitOk = false;
        for (int t : frame) {
            if (dm.personFree(p, t, len)) {
                free = true;
                if (!pb.interview[s] || dm.limitAllows(p, t, 0, 0)) {
                    limitOk = true;
                    break;
                }
            }
        }
        if (free && limitOk) {
            return false;
        }
        if (free) {
            int slot = dm.slotOfCell[p][frame.get(0)];
            LocalDate local = dm.slotDates[p][slot];
            if (dm.dayRemaining[p][slot] == 0) {
                add(Blocker.Kind.DAILY_LIMIT, name, date, name + ": already has " + interviews(person.bookedOn(local))
                        + ", the limit of " + person.limits().perDay() + " a day,");
            } else {
                add(Blocker.Kind.WEEKLY_LIMIT, name, date, name + ": already has "
                        + interviews(person.bookedInWeekOf(local)) + " that week, the limit of "
                        + person.limits().perWeek() + " a week,");
            }
            return true;
        }
        boolean worksToday = false;
        for (boolean w : dm.working[p]) {
            worksToday |= w;
        }
        if (!worksToday) {
            add(Blocker.Kind.PERSON_NOT_WORKING, name, date, name + ": not a working day");
            return true;
        }
        boolean fitsWorking = fits(dm, p, frame, len, false, false);
        if (!fitsWorking) {
            add(Blocker.Kind.WORKING_HOURS_OUTSIDE_AVAILABILITY, name, date, name + ": working hours ("
                    + hours(person, dm) + " " + person.zone().getId() + ") leave no " + minutes((long) len
                    * pb.granularityMinutes) + " for " + pb.title(s) + " while the candidate is available" + within);
            return true;
        }
        boolean fitsWithoutBookings = fits(dm, p, frame, len, false, true);
        boolean fitsWithoutTimeOff = fits(dm, p, frame, len, true, false);
        if (!fitsWithoutBookings) {
            add(Blocker.Kind.PERSON_TIME_OFF, name, date, name + ": time off");
        } else if (!fitsWithoutTimeOff) {
            add(Blocker.Kind.PERSON_BUSY, name, date, name + ": fully booked while the candidate is available"
                    + within);
        } else {
            add(Blocker.Kind.PERSON_BUSY, name, date, name + ": time off and bookings leave no free "
                    + minutes((long) len * pb.granularityMinutes) + " while the candidate is available" + within);
        }
        return true;
    }

    /** Whether p has len working cells in a row at some frame start, counting bookings and time off if asked. */
    private static boolean fits(DayModel dm, int p, List<Integer> frame, int len, boolean bookings, boolean timeOff) {
        for (int t : frame) {
            boolean ok = true;
            for (int c = t; c < t + len && ok; c++) {
                ok = dm.working[p][c] && !(bookings && dm.booked[p][c]) && !(timeOff && dm.timeOff[p][c]);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ wording

    private void add(Blocker.Kind kind, String subject, LocalDate date, String message) {
        String key = kind + "|" + subject + "|" + message;
        Finding f = findings.computeIfAbsent(key, k -> new Finding(kind, subject, message, new ArrayList<>(),
                date == null));
        if (date != null && !f.days().contains(date)) {
            f.days().add(date);
        }
    }

    private String days(List<LocalDate> days) {
        LoopRequest r = pb.request;
        long rangeDays = r.lastDay().toEpochDay() - r.firstDay().toEpochDay() + 1;
        if (days.size() > 2 && days.size() == rangeDays) {
            return "from " + day(r.firstDay()) + " to " + day(r.lastDay()) + " (every day of the range)";
        }
        List<String> names = days.stream().map(Explainer::day).toList();
        if (names.size() == 1) {
            return "on " + names.get(0);
        }
        return "on " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String day(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d;
    }

    private static String interviews(int n) {
        return n + (n == 1 ? " interview" : " interviews");
    }

    static String minutes(long m) {
        if (m < 60) {
            return m + " min";
        }
        return m / 60 + " h" + (m % 60 == 0 ? "" : " " + m % 60 + " min");
    }

    private static String hours(Interviewer person, DayModel dm) {
        LocalDate local = LocalDateTime.ofInstant(dm.cellStart(dm.cells / 2), person.zone()).toLocalDate();
        DayOfWeek dow = local.getDayOfWeek();
        List<LocalTimeWindow> w = person.workingHours().on(dow);
        return w.isEmpty() ? "none on " + dow.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                : w.stream().map(LocalTimeWindow::toString).collect(Collectors.joining(", "));
    }

    /** Possible start..end ranges of a session as wall-clock times in the loop's zone. */
    private String ranges(DayModel dm, int[] starts, int len) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < starts.length) {
            int j = i;
            while (j + 1 < starts.length && starts[j + 1] == starts[j] + 1) {
                j++;
            }
            out.add(HH_MM.format(dm.cellStart(starts[i]).atZone(pb.zone)) + "–"
                    + HH_MM.format(dm.cellStart(starts[j] + len).atZone(pb.zone)));
            i = j + 1;
        }
        return String.join(", ", out);
    }
}
