package dev.secondround.scheduling.engine;

/**
 * Depth-first branch and bound over one day. A node fixes the next session of the candidate's day,
 * its start on the grid (never before the previous session ends) and its pool picks. The path cost is
 * exact and never decreases along a path; to it the bound adds, for every session still to place,
 * its cheapest possible people from the current end on, plus the smallest wait before the next
 * session. Start times are tried in ascending order, so once the wait alone makes a branch too
 * expensive, every later start is too.
 *
 * <p>Exhaustive mode feeds every better timetable to the collector (exact top k). Diversifying mode
 * searches each possible loop start time of the day as its own group and offers only the group's
 * best timetable, because all timetables of one group are near-duplicates of each other.
 *
 * <p>Memo (a transposition table): what can still happen after a node depends only on which
 * sessions are placed, when the last one ends, how long the candidate has been going without a rest
 * (capped where the long-stretch penalty becomes linear), and how many interviews this loop already
 * gave the people whose limits it could exceed — not on who else was picked or how the node was
 * reached. For each such state the table keeps a proven lower bound on the cost still to come
 * (exact, or "no completion at all", when its subtree was searched without cuts), and per set of
 * placed sessions the earliest end from which the rest is proven impossible. A bound proven with no
 * interviews used also holds with some used (fewer choices never cost less), so those entries are
 * consulted too. States recur across loop start times and session orders, so infeasible and tight
 * days are refuted quickly.
 */
final class LoopSearch {

    private static final int INF = DayModel.INF;

    private final Problem pb;
    private final DayModel dm;
    private final OptionCollector out;
    private final SearchBudget budget;
    private final boolean diversify;
    private final boolean stopAtFirst;
    private final int sessionCount;
    private final int g;
    private final int idleWeight;
    private final int restGapMinutes;
    private final int stretchMinutes;
    private final int stretchWeight;

    private int placed;
    private int depth;
    private final int[] order;
    private final int[] start;
    private final int[][] picks;
    private final int[][] usedDay;
    private final int[][] usedWeek;
    private final int[] inSession;          // [p] 1 + index of the session p was last put in on this path
    private final int[][] savedMark;
    private final int[][][] memberBuffer;
    private final int[][][] memberCostBuffer;

    private final boolean memo;
    private final LongIntMap failFrom;      // (usage, placed) -> earliest end from which nothing fits
    private final LongIntMap completion;    // (usage, placed, end, stretch) -> lower bound on the cost to come
    private final boolean usageMatters;     // false: the keys are always small, use the arrays below
    private final int[] failFromByPlaced;
    private final int[][] completionByPlaced;
    private final int buckets;
    private final long[][] usageWeight;     // [p][slot] weight of a limit-bound person's usage in the usage key
    private long usage;                     // mixed-radix key of the limit-bound people's interviews so far

    private int bound;
    private Candidate groupBest;
    private boolean stopped;
    private Candidate first;
    private long cuts;
    long nodes;

    private LoopSearch(Problem pb, DayModel dm, OptionCollector out, SearchBudget budget, boolean diversify,
                       boolean stopAtFirst) {
        this.pb = pb;
        this.dm = dm;
        this.out = out;
        this.budget = budget;
        this.diversify = diversify;
        this.stopAtFirst = stopAtFirst;
        this.sessionCount = pb.sessionCount;
        this.g = pb.granularityMinutes;
        ScoreWeights w = pb.weights;
        this.idleWeight = w.idlePerMinute();
        this.restGapMinutes = w.restGapMinutes();
        this.stretchMinutes = w.stretchMinutes();
        this.stretchWeight = w.longStretchPerMinute();
        this.order = new int[sessionCount];
        this.start = new int[sessionCount];
        this.picks = new int[sessionCount][];
        this.memberBuffer = new int[sessionCount][][];
        this.memberCostBuffer = new int[sessionCount][][];
        this.savedMark = new int[sessionCount][];
        for (int s = 0; s < sessionCount; s++) {
            picks[s] = new int[pb.pickCount[s]];
            savedMark[s] = new int[pb.named[s].length + pb.pickCount[s]];
            memberBuffer[s] = new int[pb.demandPool[s].length][];
            memberCostBuffer[s] = new int[pb.demandPool[s].length][];
            for (int d = 0; d < pb.demandPool[s].length; d++) {
                memberBuffer[s][d] = new int[pb.poolMembers[pb.demandPool[s][d]].length];
                memberCostBuffer[s][d] = new int[pb.poolMembers[pb.demandPool[s][d]].length];
            }
        }
        int n = pb.people.length;
        this.usedDay = new int[n][];
        this.usedWeek = new int[n][];
        for (int p = 0; p < n; p++) {
            usedDay[p] = new int[dm.slotDates[p].length];
            usedWeek[p] = new int[dm.slotDates[p].length];
        }
        this.inSession = new int[n];
        this.buckets = (stretchMinutes + g - 1) / g + 2;
        this.usageWeight = new long[n][];
        boolean keysFit = usageKeys();
        this.memo = pb.memo && keysFit;
        boolean anyWeight = false;
        for (long[] weights : usageWeight) {
            for (long x : weights) {
                anyWeight |= x != 0;
            }
        }
        this.usageMatters = memo && anyWeight;
        this.failFrom = usageMatters ? new LongIntMap(Integer.MAX_VALUE) : null;
        this.completion = usageMatters ? new LongIntMap(0) : null;
        this.failFromByPlaced = usageMatters ? null : new int[1 << sessionCount];
        this.completionByPlaced = usageMatters ? null : new int[1 << sessionCount][];
        if (!usageMatters) {
            java.util.Arrays.fill(failFromByPlaced, Integer.MAX_VALUE);
        }
    }

    /**
     * A person is limit-bound when this loop could give them more interviews on one of their dates
     * than they have left. Their interviews so far become part of the memo key (a mixed-radix
     * number, one digit per person and local date); false when that key would not fit in a long.
     */
    private boolean usageKeys() {
        int n = pb.people.length;
        int[] possible = pb.interviewsPossiblePerPerson();
        long radix = 1;
        long limit = Long.MAX_VALUE / ((long) (1 << sessionCount) * (dm.cells + 1) * buckets);
        boolean fits = true;
        for (int p = 0; p < n; p++) {
            int slots = dm.slotDates[p].length;
            usageWeight[p] = new long[slots];
            if (pb.ignoreLimits || possible[p] < 2) {
                continue;
            }
            for (int slot = 0; slot < slots; slot++) {
                int left = Math.min(dm.dayRemaining[p][slot], dm.weekRemaining[p][slot]);
                if (left >= possible[p]) {
                    continue;
                }
                int digits = left + 1;
                if (radix > limit / digits) {
                    fits = false;
                    continue;
                }
                usageWeight[p][slot] = radix;
                radix *= digits;
            }
        }
        return fits;
    }

    /** Searches the day and offers what it finds to the collector; returns the nodes visited. */
    static long search(Problem pb, DayModel dm, OptionCollector out, SearchBudget budget) {
        LoopSearch search = new LoopSearch(pb, dm, out, budget, pb.settings.diversify(), false);
        search.run();
        return search.nodes;
    }

    /** Some timetable that fits on this day, or null (also when the budget ran out first). */
    static Candidate anyFit(Problem pb, DayModel dm, SearchBudget budget) {
        LoopSearch search = new LoopSearch(pb, dm, null, budget, false, true);
        search.run();
        return search.first;
    }

    private void run() {
        if (!dm.everySessionPlaceable()) {
            return;
        }
        if (diversify) {
            for (int t0 = 0; t0 < dm.cells && !stopped; t0++) {
                bound = -1;
                for (int s = 0; s < sessionCount; s++) {
                    if (pb.predecessors[s] != 0 || dm.lowerCost[s][t0] >= INF) {
                        continue;
                    }
                    if (bound < 0) {
                        bound = out.boundFor(dm.dayOffset, dm.cellStart(t0).getEpochSecond());
                        groupBest = null;
                    }
                    place(s, t0, dm.dayPenalty, -1, -1);
                }
                if (groupBest != null) {
                    out.offer(groupBest);
                }
            }
        } else {
            bound = stopAtFirst ? INF : out.bound();
            for (int s = 0; s < sessionCount && !stopped; s++) {
                if (pb.predecessors[s] != 0) {
                    continue;
                }
                for (int t : dm.starts[s]) {
                    place(s, t, dm.dayPenalty, -1, -1);
                    if (stopped) {
                        return;
                    }
                }
            }
        }
    }

    private int fatigue(int minutes) {
        return Math.max(0, minutes - stretchMinutes) * stretchWeight;
    }

    /**
     * Places session s at cell t after a path ending at lastEnd (stretchStart: start cell of the
     * current stretch without rest, -1 if none). Returns the lowest total of a complete timetable found
     * below, INF if none; every pruning increments {@link #cuts}.
     */
    private int place(int s, int t, int costBefore, int lastEnd, int stretchStart) {
        nodes++;
        if (!budget.step()) {
            stopped = true;
            return INF;
        }
        int len = pb.lengthCells[s];
        int end = t + len;
        int cost = costBefore;
        int stretch;
        int gapMinutes = depth == 0 ? Integer.MAX_VALUE : (t - lastEnd) * g;
        if (depth > 0) {
            cost += gapMinutes * idleWeight;
        }
        if (pb.rest[s]) {
            stretch = -1;
        } else if (stretchStart < 0 || gapMinutes >= restGapMinutes) {
            stretch = t;
            cost += fatigue(len * g);
        } else {
            stretch = stretchStart;
            cost += fatigue((end - stretchStart) * g) - fatigue((lastEnd - stretchStart) * g);
        }
        cost += dm.namedCost[s][t];
        int[] named = pb.named[s];
        boolean counts = pb.interview[s] && !pb.ignoreLimits;
        if (counts) {
            for (int p : named) {
                if (!canUse(p, t)) {
                    return INF;
                }
            }
        }
        placed |= 1 << s;
        order[depth++] = s;
        start[s] = t;
        int[] saved = savedMark[s];
        for (int i = 0; i < named.length; i++) {
            int p = named[i];
            saved[i] = inSession[p];
            inSession[p] = s + 1;
            if (counts) {
                use(p, t, 1);
            }
        }
        int best = afterPlacing(s, t, end, cost, stretch);
        for (int i = named.length - 1; i >= 0; i--) {
            int p = named[i];
            inSession[p] = saved[i];
            if (counts) {
                use(p, t, -1);
            }
        }
        depth--;
        placed &= ~(1 << s);
        return best;
    }

    private int afterPlacing(int s, int t, int end, int cost, int stretch) {
        if (depth == sessionCount) {
            return pickPools(s, t, 0, 0, cost, end, stretch, 0, 0);
        }
        if (memo && provenImpossible(end)) {
            return INF;
        }
        int sumLower = 0;
        int minGap = Integer.MAX_VALUE;
        int durationLeft = 0;
        for (int r = 0; r < sessionCount; r++) {
            if ((placed & (1 << r)) != 0) {
                continue;
            }
            int next = dm.nextStart[r][end];
            if (next < 0) {
                return impossibleFrom(end);
            }
            sumLower += dm.suffixLower[r][end];
            durationLeft += pb.lengthCells[r];
            if ((pb.predecessors[r] & ~placed) == 0) {
                minGap = Math.min(minGap, next - end);
            }
        }
        if (end + durationLeft > dm.latestEnd) {
            return impossibleFrom(end);
        }
        int gapLower = minGap * g * idleWeight;
        int poolLower = dm.lowerCost[s][t] - dm.namedCost[s][t];
        if (cost + sumLower + gapLower + poolLower >= bound) {
            cuts++;
            return INF;
        }
        return pickPools(s, t, 0, 0, cost, end, stretch, sumLower, gapLower);
    }

    private long failKey(long usageKey) {
        return (usageKey << sessionCount) | placed;
    }

    /** Proven for these interviews so far, or for none at all (fewer interviews never hurt). */
    private boolean provenImpossible(int end) {
        if (!usageMatters) {
            return end >= failFromByPlaced[placed];
        }
        return end >= failFrom.get(failKey(usage)) || usage != 0 && end >= failFrom.get(failKey(0));
    }

    private int impossibleFrom(int end) {
        if (!memo) {
            return INF;
        }
        if (!usageMatters) {
            failFromByPlaced[placed] = Math.min(failFromByPlaced[placed], end);
            return INF;
        }
        long key = failKey(usage);
        if (end < failFrom.get(key)) {
            failFrom.put(key, end);
        }
        return INF;
    }

    private long completionKey(long usageKey, int end, int bucket) {
        return ((failKey(usageKey) * (dm.cells + 1)) + end) * buckets + bucket;
    }

    /** Proven lower bound on the cost still to come from this state (0 when nothing is known). */
    private int knownCompletion(long usageKey, int end, int bucket) {
        if (!usageMatters) {
            int[] table = completionByPlaced[placed];
            return table == null ? 0 : table[end * buckets + bucket];
        }
        return completion.get(completionKey(usageKey, end, bucket));
    }

    private void rememberCompletion(int end, int bucket, int lower) {
        if (!usageMatters) {
            int[] table = completionByPlaced[placed];
            if (table == null) {
                table = new int[(dm.cells + 1) * buckets];
                completionByPlaced[placed] = table;
            }
            table[end * buckets + bucket] = lower;
        } else {
            completion.put(completionKey(usage, end, bucket), lower);
        }
    }

    /** Picks people for demand d of session s (and the demands after it), then goes on. */
    private int pickPools(int s, int t, int d, int pickPos, int cost, int end, int stretch, int sumLower,
                          int gapLower) {
        int[] pools = pb.demandPool[s];
        if (d == pools.length) {
            return descend(cost, end, stretch, sumLower);
        }
        int q = pools[d];
        int len = pb.lengthCells[s];
        boolean counts = pb.interview[s] && !pb.ignoreLimits;
        int[] members = memberBuffer[s][d];
        int[] costs = memberCostBuffer[s][d];
        int n = 0;
        for (int m : pb.poolMembers[q]) {
            if (inSession[m] == s + 1 || !dm.personFree(m, t, len) || counts && !canUse(m, t)) {
                continue;
            }
            int c = dm.memberCost(m, q, t, len);
            int i = n++;
            while (i > 0 && costs[i - 1] > c) {
                costs[i] = costs[i - 1];
                members[i] = members[i - 1];
                i--;
            }
            costs[i] = c;
            members[i] = m;
        }
        if (n < pb.demandCount[s][d]) {
            return INF;
        }
        return choose(s, t, d, n, 0, pb.demandCount[s][d], pickPos, cost, end, stretch, sumLower, gapLower);
    }

    private int choose(int s, int t, int d, int n, int from, int left, int pickPos, int cost, int end, int stretch,
                       int sumLower, int gapLower) {
        if (left == 0) {
            return pickPools(s, t, d + 1, pickPos, cost, end, stretch, sumLower, gapLower);
        }
        int[] members = memberBuffer[s][d];
        int[] costs = memberCostBuffer[s][d];
        boolean counts = pb.interview[s] && !pb.ignoreLimits;
        int best = INF;
        for (int i = from; i <= n - left; i++) {
            int c = cost + costs[i];
            if (c + sumLower + gapLower >= bound) {
                cuts++;
                break;
            }
            int m = members[i];
            picks[s][pickPos] = m;
            int slot = pb.named[s].length + pickPos;
            savedMark[s][slot] = inSession[m];
            inSession[m] = s + 1;
            if (counts) {
                use(m, t, 1);
            }
            best = Math.min(best, choose(s, t, d, n, i + 1, left - 1, pickPos + 1, c, end, stretch, sumLower,
                    gapLower));
            inSession[m] = savedMark[s][slot];
            if (counts) {
                use(m, t, -1);
            }
            if (stopped) {
                break;
            }
        }
        return best;
    }

    /** Chooses the next session and its start, or records a complete timetable. */
    private int descend(int cost, int end, int stretch, int sumLower) {
        if (depth == sessionCount) {
            leaf(cost);
            return cost;
        }
        int bucket = 0;
        int known = 0;
        if (memo) {
            if (provenImpossible(end)) {
                return INF;
            }
            bucket = stretchBucket(end, stretch);
            known = knownCompletion(usage, end, bucket);
            int lower = usage == 0 ? known : Math.max(known, knownCompletion(0, end, bucket));
            if (cost + lower >= bound) {
                cuts++;
                return INF;
            }
        }
        long cutsBefore = cuts;
        int best = INF;
        for (int r = 0; r < sessionCount && !stopped; r++) {
            if ((placed & (1 << r)) != 0 || (pb.predecessors[r] & ~placed) != 0) {
                continue;
            }
            int[] st = dm.starts[r];
            for (int i = dm.startIndex[r][end]; i < st.length; i++) {
                int t = st[i];
                if (cost + (t - end) * g * idleWeight + sumLower >= bound) {
                    cuts++;
                    break;
                }
                best = Math.min(best, place(r, t, cost, end, stretch));
                if (stopped) {
                    return best;
                }
            }
        }
        if (memo && !stopped) {
            boolean complete = cuts == cutsBefore;
            if (complete && best >= INF) {
                impossibleFrom(end);
            } else {
                // every completion not found costs at least what the bound allowed when it was cut,
                // and the bound only falls while this node is searched
                int lower = complete ? best - cost : Math.min(best, bound) - cost;
                if (lower > known) {
                    rememberCompletion(end, bucket, lower);
                }
            }
        }
        return best;
    }

    /** 0 when the candidate is resting, else 1 + the stretch length in cells, capped where fatigue turns linear. */
    private int stretchBucket(int end, int stretch) {
        if (stretch < 0) {
            return 0;
        }
        int minutes = (end - stretch) * g;
        return minutes >= stretchMinutes ? buckets - 1 : 1 + (end - stretch);
    }

    private void leaf(int cost) {
        if (cost < bound) {
            Candidate c = snapshot(cost);
            if (stopAtFirst) {
                first = c;
                stopped = true;
            } else if (diversify) {
                groupBest = c;
                bound = cost;
            } else {
                out.offer(c);
                bound = out.bound();
            }
        }
    }

    private Candidate snapshot(int cost) {
        int[][] p = new int[sessionCount][];
        for (int s = 0; s < sessionCount; s++) {
            p[s] = picks[s].clone();
        }
        return new Candidate(dm, order.clone(), start.clone(), p, cost);
    }

    private boolean canUse(int p, int t) {
        int slot = dm.slotOfCell[p][t];
        int week = dm.weekOfSlot[p][slot];
        return usedDay[p][slot] < dm.dayRemaining[p][slot] && usedWeek[p][week] < dm.weekRemaining[p][slot];
    }

    private void use(int p, int t, int delta) {
        int slot = dm.slotOfCell[p][t];
        usedDay[p][slot] += delta;
        usedWeek[p][dm.weekOfSlot[p][slot]] += delta;
        usage += delta * usageWeight[p][slot];
    }
}
