package dev.secondround.scheduling.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One candidate day on the start-time grid. Cell {@code c} is {@code [dayStart + c·g, dayStart + (c+1)·g)};
 * a session occupying cells {@code [t, t+len)} is free for a person when each of those cells lies
 * wholly inside their working hours and touches none of their busy blocks. Everything the search
 * needs per (session, start) is precomputed here: which starts are feasible on their own, the room
 * it would get, its cheapest possible people and suffix minima for bounding.
 */
final class DayModel {

    static final int INF = Integer.MAX_VALUE / 4;

    final Problem pb;
    final LocalDate date;
    final int dayOffset;
    final int dayPenalty;
    final Instant dayStart;
    final int cells;

    final int[] candidatePrefix;          // free-cell prefix sums for the candidate

    // per person
    final boolean[][] working;            // [p][c]
    final boolean[][] timeOff;            // [p][c]
    final boolean[][] booked;             // [p][c]
    final int[][] freePrefix;             // [p][c+1]
    final int[][] sinceStart;             // [p][c] minutes from the working window's start to the cell's start
    final int[][] untilEnd;               // [p][c] minutes from the cell's end to the working window's end
    final int[][] slotOfCell;             // [p][c] index of the person's local date
    final LocalDate[][] slotDates;        // [p][slot]
    final int[][] dayRemaining;           // [p][slot] interviews still allowed on that local date
    final int[][] weekRemaining;          // [p][slot] interviews still allowed in that date's ISO week
    final int[][] weekOfSlot;             // [p][slot] index among the person's distinct weeks today
    final int[] weekLoad;                 // [p] interviews already booked in the loop day's ISO week
    final int[] poolMinLoad;              // [pool]

    // per room
    final int[][] roomPrefix;             // [r][c+1]

    // per session
    final int[] windowFrom;               // earliest start cell allowed by the session window
    final int[] windowTo;                 // latest end cell allowed by the session window
    final int[][] roomAt;                 // [s][t] room index, -1 when none needed, -2 when none free
    final int[][] namedCost;              // [s][t] edge-of-hours points of the named people
    final int[][] lowerCost;              // [s][t] INF when infeasible; else named + cheapest pool picks
    final int[][] starts;                 // [s] feasible starts ascending
    final int[][] nextStart;              // [s][t] first feasible start >= t, or -1; t in 0..cells
    final int[][] suffixLower;            // [s][t] min lowerCost over feasible starts >= t
    final int[][] startIndex;             // [s][t] index in starts[s] of nextStart[s][t]
    final int latestEnd;                  // latest end cell of any feasible session placement
    final boolean limitsMayBind;          // some person could hit a limit through this loop alone

    DayModel(Problem pb, LocalDate date, int dayOffset) {
        this.pb = pb;
        this.date = date;
        this.dayOffset = dayOffset;
        this.dayPenalty = dayOffset * pb.weights.laterDayPerDay();
        ZoneId zone = pb.zone;
        this.dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        long g = pb.granularitySeconds;
        this.cells = (int) ((dayEnd.getEpochSecond() - dayStart.getEpochSecond()) / g);

        // candidate
        boolean[] cand = new boolean[cells];
        for (TimeSpan w : pb.candidateWindows) {
            paintInside(cand, w.start(), w.end());
        }
        candidatePrefix = prefix(cand);

        // people
        int n = pb.people.length;
        working = new boolean[n][];
        timeOff = new boolean[n][];
        booked = new boolean[n][];
        freePrefix = new int[n][];
        sinceStart = new int[n][];
        untilEnd = new int[n][];
        slotOfCell = new int[n][];
        slotDates = new LocalDate[n][];
        dayRemaining = new int[n][];
        weekRemaining = new int[n][];
        weekOfSlot = new int[n][];
        weekLoad = new int[n];
        for (int p = 0; p < n; p++) {
            buildPerson(p, dayEnd);
        }
        poolMinLoad = new int[pb.pools.length];
        for (int q = 0; q < pb.pools.length; q++) {
            int min = INF;
            for (int m : pb.poolMembers[q]) {
                min = Math.min(min, weekLoad[m]);
            }
            poolMinLoad[q] = min == INF ? 0 : min;
        }

        // rooms
        roomPrefix = new int[pb.rooms.length][];
        for (int r = 0; r < pb.rooms.length; r++) {
            boolean[] free = new boolean[cells];
            Arrays.fill(free, true);
            for (TimeSpan b : pb.rooms[r].busy()) {
                paintTouching(free, b.start(), b.end(), false);
            }
            roomPrefix[r] = prefix(free);
        }

        // sessions
        int S = pb.sessionCount;
        windowFrom = new int[S];
        windowTo = new int[S];
        roomAt = new int[S][];
        namedCost = new int[S][];
        lowerCost = new int[S][];
        starts = new int[S][];
        nextStart = new int[S][];
        suffixLower = new int[S][];
        startIndex = new int[S][];
        int latest = -1;
        for (int s = 0; s < S; s++) {
            buildSession(s);
            if (starts[s].length > 0) {
                latest = Math.max(latest, starts[s][starts[s].length - 1] + pb.lengthCells[s]);
            }
        }
        latestEnd = latest;
        limitsMayBind = computeLimitsMayBind();
    }

    boolean everySessionPlaceable() {
        for (int[] st : starts) {
            if (st.length == 0) {
                return false;
            }
        }
        return true;
    }

    Instant cellStart(int c) {
        return dayStart.plusSeconds(c * pb.granularitySeconds);
    }

    boolean candidateFree(int t, int len) {
        return t >= 0 && t + len <= cells && candidatePrefix[t + len] - candidatePrefix[t] == len;
    }

    boolean personFree(int p, int t, int len) {
        return freePrefix[p][t + len] - freePrefix[p][t] == len;
    }

    boolean roomFree(int r, int t, int len) {
        return roomPrefix[r][t + len] - roomPrefix[r][t] == len;
    }

    /** Interview limits leave room for {@code more} interviews on the local date of cell t. */
    boolean limitAllows(int p, int t, int usedDay, int usedWeek) {
        if (pb.ignoreLimits) {
            return true;
        }
        int slot = slotOfCell[p][t];
        return usedDay < dayRemaining[p][slot] && usedWeek < weekRemaining[p][slot];
    }

    /** Edge-of-hours points for person p in a session on cells [t, t+len). */
    int edgeCost(int p, int t, int len) {
        ScoreWeights w = pb.weights;
        int m = w.edgeMarginMinutes();
        int early = Math.max(0, m - sinceStart[p][t]);
        int late = Math.max(0, m - untilEnd[p][t + len - 1]);
        return (early + late) * w.edgePerMinute();
    }

    /** Points for picking person p from pool q for a session on cells [t, t+len). */
    int memberCost(int p, int q, int t, int len) {
        return edgeCost(p, t, len) + (weekLoad[p] - poolMinLoad[q]) * pb.weights.poolLoadPerInterview();
    }

    /** Whether person p may take part in session s at t, ignoring what else this loop asks of them. */
    boolean eligible(int s, int p, int t) {
        int len = pb.lengthCells[s];
        return personFree(p, t, len) && (!pb.interview[s] || limitAllows(p, t, 0, 0));
    }

    // ------------------------------------------------------------------ construction

    private void buildPerson(int p, Instant dayEnd) {
        Interviewer person = pb.people[p];
        ZoneId z = person.zone();
        boolean[] work = new boolean[cells];
        boolean[] off = new boolean[cells];
        boolean[] book = new boolean[cells];
        int[] since = new int[cells];
        int[] until = new int[cells];
        int[] slot = new int[cells];

        LocalDate first = LocalDateTime.ofInstant(dayStart, z).toLocalDate();
        LocalDate last = LocalDateTime.ofInstant(dayEnd.minusSeconds(1), z).toLocalDate();
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            dates.add(d);
        }
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            if (i > 0) {
                int from = ceilCell(d.atStartOfDay(z).toInstant());
                for (int c = Math.max(0, from); c < cells; c++) {
                    slot[c] = i;
                }
            }
            for (LocalTimeWindow w : person.workingHours().on(d.getDayOfWeek())) {
                Instant a = d.atTime(w.from()).atZone(z).toInstant();
                Instant b = d.atTime(w.to()).atZone(z).toInstant();
                int c0 = Math.max(0, ceilCell(a));
                int c1 = Math.min(cells, floorCell(b));
                for (int c = c0; c < c1; c++) {
                    work[c] = true;
                    since[c] = (int) ((cellStart(c).getEpochSecond() - a.getEpochSecond()) / 60);
                    until[c] = (int) ((b.getEpochSecond() - cellStart(c + 1).getEpochSecond()) / 60);
                }
            }
        }
        boolean[] free = work.clone();
        for (BusyBlock b : person.busy()) {
            paintTouching(b.reason() == BusyBlock.Reason.TIME_OFF ? off : book, b.start(), b.end(), true);
            paintTouching(free, b.start(), b.end(), false);
        }
        working[p] = work;
        timeOff[p] = off;
        booked[p] = book;
        freePrefix[p] = prefix(free);
        sinceStart[p] = since;
        untilEnd[p] = until;
        slotOfCell[p] = slot;
        slotDates[p] = dates.toArray(new LocalDate[0]);

        InterviewLimits limits = person.limits();
        int k = dates.size();
        dayRemaining[p] = new int[k];
        weekRemaining[p] = new int[k];
        weekOfSlot[p] = new int[k];
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            LocalDate d = dates.get(i);
            dayRemaining[p][i] = remaining(limits.perDay(), person.bookedOn(d));
            weekRemaining[p][i] = remaining(limits.perWeek(), person.bookedInWeekOf(d));
            LocalDate monday = d.minusDays(d.getDayOfWeek().getValue() - 1L);
            if (!mondays.contains(monday)) {
                mondays.add(monday);
            }
            weekOfSlot[p][i] = mondays.indexOf(monday);
        }
        weekLoad[p] = person.bookedInWeekOf(date);
    }

    private static int remaining(int limit, int booked) {
        if (limit == Integer.MAX_VALUE) {
            return INF;
        }
        return Math.max(0, limit - booked);
    }

    private void buildSession(int s) {
        int len = pb.lengthCells[s];
        LocalTimeWindow w = pb.window[s];
        if (w != null) {
            windowFrom[s] = Math.max(0, ceilCell(date.atTime(w.from()).atZone(pb.zone).toInstant()));
            windowTo[s] = Math.min(cells, floorCell(date.atTime(w.to()).atZone(pb.zone).toInstant()));
        } else {
            windowFrom[s] = 0;
            windowTo[s] = cells;
        }
        int[] room = new int[cells];
        int[] named = new int[cells];
        int[] lower = new int[cells];
        Arrays.fill(lower, INF);
        int[] found = new int[cells];
        int count = 0;
        int[] costs = new int[pb.people.length];
        boolean[] taken = new boolean[pb.people.length];
        for (int t = 0; t + len <= cells; t++) {
            room[t] = -2;
            if (t < windowFrom[s] || t + len > windowTo[s] || !candidateFree(t, len)) {
                continue;
            }
            boolean ok = true;
            int cost = 0;
            for (int p : pb.named[s]) {
                if (!eligible(s, p, t)) {
                    ok = false;
                    break;
                }
                cost += edgeCost(p, t, len);
            }
            if (!ok) {
                continue;
            }
            room[t] = pickRoom(s, t);
            if (room[t] == -2) {
                continue;
            }
            named[t] = cost;
            int poolCost = cheapestPicks(s, t, costs, taken);
            if (poolCost >= INF) {
                continue;
            }
            lower[t] = cost + poolCost;
            found[count++] = t;
        }
        roomAt[s] = room;
        namedCost[s] = named;
        lowerCost[s] = lower;
        starts[s] = Arrays.copyOf(found, count);
        int[] next = new int[cells + 1];
        int[] idx = new int[cells + 1];
        int[] suffix = new int[cells + 1];
        next[cells] = -1;
        idx[cells] = count;
        suffix[cells] = INF;
        int k = count;
        for (int t = cells - 1; t >= 0; t--) {
            if (k > 0 && found[k - 1] == t) {
                k--;
            }
            next[t] = k < count ? found[k] : -1;
            idx[t] = k;
            suffix[t] = Math.min(suffix[t + 1], lower[t]);
        }
        nextStart[s] = next;
        startIndex[s] = idx;
        suffixLower[s] = suffix;
    }

    /** The smallest free room that seats everyone (ties by id); -1 when no room is needed, -2 when none fits. */
    private int pickRoom(int s, int t) {
        if (pb.roomNeed[s] != RoomNeed.IN_PERSON) {
            return -1;
        }
        for (int r = 0; r < pb.rooms.length; r++) {
            if (pb.rooms[r].capacity() >= pb.seats[s] && roomFree(r, t, pb.lengthCells[s])) {
                return r;
            }
        }
        return -2;
    }

    /**
     * The cheapest pool picks for session s at t, each demand taking its cheapest eligible members
     * (a lower bound: two demands may want the same person); INF when some demand cannot be met or
     * the pools together have too few distinct eligible people.
     */
    private int cheapestPicks(int s, int t, int[] costs, boolean[] taken) {
        int[] pools = pb.demandPool[s];
        if (pools.length == 0) {
            return 0;
        }
        int len = pb.lengthCells[s];
        Arrays.fill(taken, false);
        for (int p : pb.named[s]) {
            taken[p] = true;
        }
        int total = 0;
        int distinct = 0;
        boolean[] counted = new boolean[pb.people.length];
        for (int d = 0; d < pools.length; d++) {
            int q = pools[d];
            int n = 0;
            for (int m : pb.poolMembers[q]) {
                if (!taken[m] && eligible(s, m, t)) {
                    costs[n++] = memberCost(m, q, t, len);
                    if (!counted[m]) {
                        counted[m] = true;
                        distinct++;
                    }
                }
            }
            int need = pb.demandCount[s][d];
            if (n < need) {
                return INF;
            }
            Arrays.sort(costs, 0, n);
            for (int i = 0; i < need; i++) {
                total += costs[i];
            }
        }
        return distinct < pb.pickCount[s] ? INF : total;
    }

    private boolean computeLimitsMayBind() {
        if (pb.ignoreLimits) {
            return false;
        }
        int n = pb.people.length;
        int[] possible = pb.interviewsPossiblePerPerson();
        for (int p = 0; p < n; p++) {
            if (possible[p] < 2) {
                continue; // one interview is already checked per start
            }
            for (int slot = 0; slot < dayRemaining[p].length; slot++) {
                if (dayRemaining[p][slot] < possible[p] || weekRemaining[p][slot] < possible[p]) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ grid helpers

    int ceilCell(Instant i) {
        return (int) Math.floorDiv(i.getEpochSecond() - dayStart.getEpochSecond() + pb.granularitySeconds - 1,
                pb.granularitySeconds);
    }

    int floorCell(Instant i) {
        return (int) Math.floorDiv(i.getEpochSecond() - dayStart.getEpochSecond(), pb.granularitySeconds);
    }

    /** Marks the cells wholly inside [a, b) (clipped to the day). */
    private void paintInside(boolean[] target, Instant a, Instant b) {
        int c0 = Math.max(0, ceilCell(a));
        int c1 = Math.min(cells, floorCell(b));
        for (int c = c0; c < c1; c++) {
            target[c] = true;
        }
    }

    /** Sets every cell that [a, b) touches to value (clipped to the day). */
    private void paintTouching(boolean[] target, Instant a, Instant b, boolean value) {
        int c0 = Math.max(0, floorCell(a));
        int c1 = Math.min(cells, ceilCell(b));
        for (int c = c0; c < c1; c++) {
            target[c] = value;
        }
    }

    private static int[] prefix(boolean[] free) {
        int[] sum = new int[free.length + 1];
        for (int i = 0; i < free.length; i++) {
            sum[i + 1] = sum[i] + (free[i] ? 1 : 0);
        }
        return sum;
    }
}
