package dev.secondround.scheduling.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated request with everything turned into array indices: sessions 0..S-1, the people the
 * loop can involve (named or members of a demanded pool), pools, rooms sorted by seats then id.
 * Relaxed copies (no order rules, no windows, no limits) serve the {@link Explainer}.
 */
final class Problem {

    static final int MAX_SESSIONS = 16;
    static final int MAX_OPTIONS = 50;

    final LoopRequest request;
    final Directory directory;
    final EngineSettings settings;
    final ScoreWeights weights;
    final ZoneId zone;
    final long granularitySeconds;
    final int granularityMinutes;

    final int sessionCount;
    final SessionRequest[] sessions;
    final int[] lengthCells;
    final boolean[] interview;
    final boolean[] rest;
    final int[][] named;          // [s] person indices
    final int[][] demandPool;     // [s][d] pool index
    final int[][] demandCount;    // [s][d]
    final int[] pickCount;        // [s] sum of demand counts
    final RoomNeed[] roomNeed;
    final int[] seats;
    final LocalTimeWindow[] window; // [s] or null
    final int[] predecessors;       // [s] bit mask of sessions that must come before s

    final Interviewer[] people;
    final Map<String, Integer> personIndex;
    final Pool[] pools;
    final int[][] poolMembers;
    final Room[] rooms;
    final List<TimeSpan> candidateWindows;

    /** Relaxations used only to explain infeasibility. */
    final boolean ignoreLimits;
    /** Off only in tests that compare the search with and without its transposition table. */
    final boolean memo;

    private Problem(LoopRequest request, Directory directory, EngineSettings settings, boolean memo) {
        this.memo = memo;
        this.request = request;
        this.directory = directory;
        this.settings = settings;
        this.weights = settings.weights();
        this.zone = request.zone();
        this.granularitySeconds = request.granularity().getSeconds();
        this.granularityMinutes = (int) request.granularity().toMinutes();
        this.ignoreLimits = false;

        List<SessionRequest> list = request.sessions();
        sessionCount = list.size();
        sessions = list.toArray(new SessionRequest[0]);

        Map<String, Interviewer> byId = directory.peopleById();
        Map<String, Pool> poolsById = new HashMap<>();
        directory.pools().forEach(p -> poolsById.putIfAbsent(p.id(), p));

        // people: named first, then members of demanded pools, in a stable order
        LinkedHashMap<String, Integer> pIndex = new LinkedHashMap<>();
        LinkedHashMap<String, Integer> poolIndex = new LinkedHashMap<>();
        for (SessionRequest s : sessions) {
            s.people().forEach(id -> pIndex.putIfAbsent(id, pIndex.size()));
        }
        for (SessionRequest s : sessions) {
            for (PoolDemand d : s.pools()) {
                if (poolIndex.putIfAbsent(d.poolId(), poolIndex.size()) == null) {
                    poolsById.get(d.poolId()).memberIds().forEach(id -> pIndex.putIfAbsent(id, pIndex.size()));
                }
            }
        }
        personIndex = Map.copyOf(pIndex);
        people = new Interviewer[pIndex.size()];
        pIndex.forEach((id, i) -> people[i] = byId.get(id));
        pools = new Pool[poolIndex.size()];
        poolMembers = new int[poolIndex.size()][];
        poolIndex.forEach((id, i) -> {
            pools[i] = poolsById.get(id);
            poolMembers[i] = pools[i].memberIds().stream().distinct().mapToInt(pIndex::get).toArray();
        });

        lengthCells = new int[sessionCount];
        interview = new boolean[sessionCount];
        rest = new boolean[sessionCount];
        named = new int[sessionCount][];
        demandPool = new int[sessionCount][];
        demandCount = new int[sessionCount][];
        pickCount = new int[sessionCount];
        roomNeed = new RoomNeed[sessionCount];
        seats = new int[sessionCount];
        window = new LocalTimeWindow[sessionCount];
        Map<String, Integer> sessionIndex = new HashMap<>();
        for (int s = 0; s < sessionCount; s++) {
            SessionRequest r = sessions[s];
            sessionIndex.put(r.id(), s);
            lengthCells[s] = (int) (r.duration().getSeconds() / granularitySeconds);
            interview[s] = r.kind().countsAsInterview();
            rest[s] = r.kind().isRest();
            named[s] = r.people().stream().mapToInt(pIndex::get).toArray();
            demandPool[s] = r.pools().stream().mapToInt(d -> poolIndex.get(d.poolId())).toArray();
            demandCount[s] = r.pools().stream().mapToInt(PoolDemand::count).toArray();
            pickCount[s] = Arrays.stream(demandCount[s]).sum();
            roomNeed[s] = r.room();
            seats[s] = r.seatsNeeded();
            window[s] = r.window().orElse(null);
        }
        predecessors = new int[sessionCount];
        for (OrderRule rule : request.orderRules()) {
            if (rule instanceof OrderRule.First f) {
                int a = sessionIndex.get(f.session());
                for (int s = 0; s < sessionCount; s++) {
                    if (s != a) {
                        predecessors[s] |= 1 << a;
                    }
                }
            } else if (rule instanceof OrderRule.Last l) {
                int b = sessionIndex.get(l.session());
                for (int s = 0; s < sessionCount; s++) {
                    if (s != b) {
                        predecessors[b] |= 1 << s;
                    }
                }
            } else if (rule instanceof OrderRule.Before bf) {
                predecessors[sessionIndex.get(bf.later())] |= 1 << sessionIndex.get(bf.earlier());
            }
        }
        rooms = directory.rooms().stream()
                .sorted(Comparator.comparingInt(Room::capacity).thenComparing(Room::id))
                .toArray(Room[]::new);
        candidateWindows = TimeSpan.merged(request.candidateAvailability());
    }

    /** A copy with one relaxation; arrays not touched by it are shared. */
    private Problem(Problem base, boolean dropOrder, boolean dropWindows, boolean dropLimits) {
        request = base.request;
        directory = base.directory;
        settings = base.settings;
        weights = base.weights;
        zone = base.zone;
        granularitySeconds = base.granularitySeconds;
        granularityMinutes = base.granularityMinutes;
        sessionCount = base.sessionCount;
        sessions = base.sessions;
        lengthCells = base.lengthCells;
        interview = base.interview;
        rest = base.rest;
        named = base.named;
        demandPool = base.demandPool;
        demandCount = base.demandCount;
        pickCount = base.pickCount;
        roomNeed = base.roomNeed;
        seats = base.seats;
        window = dropWindows ? new LocalTimeWindow[sessionCount] : base.window;
        predecessors = dropOrder ? new int[sessionCount] : base.predecessors;
        people = base.people;
        personIndex = base.personIndex;
        pools = base.pools;
        poolMembers = base.poolMembers;
        rooms = base.rooms;
        candidateWindows = base.candidateWindows;
        ignoreLimits = dropLimits || base.ignoreLimits;
        memo = base.memo;
    }

    static Problem of(LoopRequest request, Directory directory, EngineSettings settings, boolean memo) {
        List<String> problems = validate(request, directory);
        if (!problems.isEmpty()) {
            throw new InvalidLoopRequestException(problems);
        }
        return new Problem(request, directory, settings, memo);
    }

    Problem withoutOrderRules() {
        return new Problem(this, true, false, false);
    }

    Problem withoutWindows() {
        return new Problem(this, false, true, false);
    }

    Problem withoutLimits() {
        return new Problem(this, false, false, true);
    }

    /**
     * Per person, in how many of the loop's interview sessions they could appear (named there, or a
     * member of a pool it draws from): the most interviews this loop can give them, for the limits.
     */
    int[] interviewsPossiblePerPerson() {
        int n = people.length;
        int[] possible = new int[n];
        for (int s = 0; s < sessionCount; s++) {
            if (!interview[s]) {
                continue;
            }
            boolean[] here = new boolean[n];
            for (int p : named[s]) {
                here[p] = true;
            }
            for (int q : demandPool[s]) {
                for (int m : poolMembers[q]) {
                    here[m] = true;
                }
            }
            for (int p = 0; p < n; p++) {
                possible[p] += here[p] ? 1 : 0;
            }
        }
        return possible;
    }

    String title(int s) {
        return sessions[s].title();
    }

    String titleOf(String sessionId) {
        for (SessionRequest s : sessions) {
            if (s.id().equals(sessionId)) {
                return s.title();
            }
        }
        return sessionId;
    }

    // ---------------------------------------------------------------- validation

    static List<String> validate(LoopRequest r, Directory dir) {
        List<String> problems = new ArrayList<>();
        Duration g = r.granularity();
        boolean gridOk = !g.isNegative() && !g.isZero() && g.getNano() == 0 && g.getSeconds() % 60 == 0
                && 3600 % g.getSeconds() == 0;
        if (!gridOk) {
            problems.add("granularity must be a whole number of minutes that divides an hour, not " + g);
        }
        if (r.optionsWanted() < 1 || r.optionsWanted() > MAX_OPTIONS) {
            problems.add("between 1 and " + MAX_OPTIONS + " options can be asked for, not " + r.optionsWanted());
        }
        if (r.lastDay().isBefore(r.firstDay())) {
            problems.add("the date range ends (" + r.lastDay() + ") before it starts (" + r.firstDay() + ")");
        } else if (r.firstDay().plusDays(92).isBefore(r.lastDay())) {
            problems.add("the date range spans more than 93 days");
        }
        if (r.sessions().isEmpty()) {
            problems.add("a loop needs at least one session");
        }
        if (r.sessions().size() > MAX_SESSIONS) {
            problems.add("a loop has at most " + MAX_SESSIONS + " sessions, not " + r.sessions().size());
        }
        Map<String, Interviewer> people = dir.peopleById();
        Map<String, Pool> pools = new HashMap<>();
        dir.pools().forEach(p -> pools.putIfAbsent(p.id(), p));
        Set<String> ids = new HashSet<>();
        for (SessionRequest s : r.sessions()) {
            String what = "session " + s.id();
            if (s.id().isBlank()) {
                problems.add("a session has a blank id");
            }
            if (!ids.add(s.id())) {
                problems.add("session id " + s.id() + " is used twice");
            }
            Duration d = s.duration();
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(24)) > 0) {
                problems.add(what + ": duration must be positive and at most 24 hours, not " + d);
            } else if (gridOk && d.getSeconds() % g.getSeconds() != 0 || d.getNano() != 0) {
                problems.add(what + ": duration " + d.toMinutes() + " min is not a multiple of the "
                        + g.toMinutes() + "-minute grid");
            }
            Set<String> namedHere = new HashSet<>();
            for (String p : s.people()) {
                if (!people.containsKey(p)) {
                    problems.add(what + ": unknown person " + p);
                }
                if (!namedHere.add(p)) {
                    problems.add(what + ": " + p + " is named twice");
                }
            }
            for (PoolDemand pd : s.pools()) {
                Pool pool = pools.get(pd.poolId());
                if (pool == null) {
                    problems.add(what + ": unknown pool " + pd.poolId());
                } else {
                    for (String m : pool.memberIds()) {
                        if (!people.containsKey(m)) {
                            problems.add("pool " + pool.id() + " lists unknown person " + m);
                        }
                    }
                }
            }
            if (s.kind() == SessionKind.BREAK && (s.participantCount() > 0 || s.room() != RoomNeed.NONE)) {
                problems.add(what + ": a break has no participants and no room");
            }
            if (s.participantCount() == 0 && s.kind() != SessionKind.BREAK && s.kind() != SessionKind.LUNCH) {
                problems.add(what + ": a " + s.kind().label() + " needs at least one participant");
            }
        }
        int firsts = 0;
        int lasts = 0;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < r.sessions().size(); i++) {
            index.putIfAbsent(r.sessions().get(i).id(), i);
        }
        boolean rulesKnown = true;
        for (OrderRule rule : r.orderRules()) {
            List<String> refs = rule instanceof OrderRule.Before b ? List.of(b.earlier(), b.later())
                    : List.of(rule instanceof OrderRule.First f ? f.session() : ((OrderRule.Last) rule).session());
            for (String ref : refs) {
                if (!index.containsKey(ref)) {
                    problems.add("order rule '" + rule.describe(x -> x) + "' names unknown session " + ref);
                    rulesKnown = false;
                }
            }
            if (rule instanceof OrderRule.Before b && b.earlier().equals(b.later())) {
                problems.add("order rule '" + rule.describe(x -> x) + "' puts a session before itself");
                rulesKnown = false;
            }
            firsts += rule instanceof OrderRule.First ? 1 : 0;
            lasts += rule instanceof OrderRule.Last ? 1 : 0;
        }
        if (rulesKnown && ids.size() == r.sessions().size() && r.sessions().size() <= MAX_SESSIONS && problems.isEmpty()) {
            String cycle = orderCycle(r, index);
            if (cycle != null) {
                problems.add("the order rules contradict each other: " + cycle);
            }
        } else if (firsts > 1 || lasts > 1) {
            problems.add("the order rules contradict each other");
        }
        return problems;
    }

    /** A description of contradicting order rules, or null when some order satisfies them all. */
    private static String orderCycle(LoopRequest r, Map<String, Integer> index) {
        int n = r.sessions().size();
        int[] pred = new int[n];
        for (OrderRule rule : r.orderRules()) {
            if (rule instanceof OrderRule.First f) {
                int a = index.get(f.session());
                for (int s = 0; s < n; s++) {
                    if (s != a) {
                        pred[s] |= 1 << a;
                    }
                }
            } else if (rule instanceof OrderRule.Last l) {
                int b = index.get(l.session());
                for (int s = 0; s < n; s++) {
                    if (s != b) {
                        pred[b] |= 1 << s;
                    }
                }
            } else if (rule instanceof OrderRule.Before bf) {
                pred[index.get(bf.later())] |= 1 << index.get(bf.earlier());
            }
        }
        int done = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int s = 0; s < n; s++) {
                if ((done & (1 << s)) == 0 && (pred[s] & ~done) == 0) {
                    done |= 1 << s;
                    progress = true;
                }
            }
        }
        if (done == (1 << n) - 1) {
            return null;
        }
        List<String> rules = new ArrayList<>();
        for (OrderRule rule : r.orderRules()) {
            rules.add(rule.describe(id -> {
                for (SessionRequest s : r.sessions()) {
                    if (s.id().equals(id)) {
                        return s.title();
                    }
                }
                return id;
            }));
        }
        return String.join(", ", rules);
    }
}
