package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.BusyBlock;
import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.Explanation;
import dev.secondround.scheduling.engine.Interviewer;
import dev.secondround.scheduling.engine.LoopOption;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.OrderRule;
import dev.secondround.scheduling.engine.Participant;
import dev.secondround.scheduling.engine.Room;
import dev.secondround.scheduling.engine.ScheduleResult;
import dev.secondround.scheduling.engine.ScheduledSession;
import dev.secondround.scheduling.engine.SchedulingEngine;
import dev.secondround.scheduling.engine.SessionRequest;
import dev.secondround.scheduling.engine.TimeSpan;
import dev.secondround.scheduling.engine.Venue;
import dev.secondround.scheduling.engine.testsupport.FinalistsWeek.Finalist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a {@link FinalistsWeek} the way the service does, one loop after another: plan the finalist's
 * loop against the directory as it is now, take the best option, and book it, so that the next plan
 * sees it: every participant gets a BOOKED busy block for the session (tours and lunches too), an
 * interview (interview, panel, technical, executive) counts on the participant's own local date for
 * the daily and weekly limits, and an in-person session's room gets a busy span. This mirrors
 * {@code LoopBookingService.insertBookings} and {@code LoopPlanningService.directory} (the
 * service's booking additionally re-plans the pinned option as a last check; that is not repeated here).
 */
public final class WeekPlanner {

    /**
     * In which order the finalists are planned. It matters: whoever is planned first gets the best
     * option (usually the earliest day) and uses up the shared people's limits for those after them.
     */
    public enum Order {
        /** The order they were confirmed in (the generator's order): first come, first served. */
        ARRIVAL,
        /**
         * Fewest available minutes first, counting only windows long enough for the whole loop (ties: arrival
         * order), so the least flexible finalists pick first and the flexible ones take what is left (later
         * days and times: less "fair" to them, but more finalists get a loop at all).
         */
        MOST_CONSTRAINED_FIRST;

        public List<Finalist> apply(List<Finalist> finalists, Duration loopLength) {
            List<Finalist> out = new ArrayList<>(finalists);
            if (this == MOST_CONSTRAINED_FIRST) {
                out.sort(Comparator.comparingLong((Finalist f) -> usableMinutes(f, loopLength))
                        .thenComparingInt(Finalist::index));
            }
            return out;
        }

        /** Minutes in the finalist's windows that are at least {@code loopLength} long (one window a day here). */
        public static long usableMinutes(Finalist f, Duration loopLength) {
            long sum = 0;
            for (TimeSpan w : f.availability()) {
                Duration d = Duration.between(w.start(), w.end());
                sum += d.compareTo(loopLength) >= 0 ? d.toMinutes() : 0;
            }
            return sum;
        }
    }

    /**
     * Which of the engine's options to book for a finalist.
     */
    public enum Choice {
        /** The engine's best option (rank 1), as a coordinator taking the top suggestion would. */
        BEST,
        /**
         * Of the engine's top k options on each of the finalist's days, the one that hurts the finalists
         * still to be planned least: a one-step look-ahead with the engine (see {@link WeekPlanner#planLeastHarm}).
         */
        LEAST_HARM
    }

    /** One finalist's outcome: the booked option, or the engine's explanation; and the time it took. */
    public record Outcome(Finalist finalist, LoopRequest request, LoopOption booked, Explanation explanation,
                          long nanos) {
        public boolean isBooked() {
            return booked != null;
        }
    }

    /**
     * The week: outcomes in planning order, the directory after all bookings, the wall time of it all and
     * how many passes over the finalists it took (1 unless planned with retries).
     */
    public record Week(FinalistsWeek.Instance instance, Order order, Choice choice, List<Outcome> outcomes,
                       Directory bookedDirectory, long totalNanos, int passes) {

        public List<Outcome> booked() {
            return outcomes.stream().filter(Outcome::isBooked).toList();
        }

        public List<Outcome> unbooked() {
            return outcomes.stream().filter(o -> !o.isBooked()).toList();
        }
    }

    private final SchedulingEngine engine;

    public WeekPlanner(SchedulingEngine engine) {
        this.engine = engine;
    }

    public Week plan(FinalistsWeek.Instance in, Order order) {
        return plan(in, order, order.apply(in.finalists(), loopLength(in)), Choice.BEST, LoopRequest.DEFAULT_OPTIONS);
    }

    /**
     * One pass, most constrained first, booking for each finalist the least harmful of the engine's options
     * ({@link Choice#LEAST_HARM}) instead of its best. The options: the top {@code k} on each day the finalist
     * has a window long enough for the loop (one {@code plan()} per day; a single whole-week request often
     * leaves some of their days out). Which days are still possible for each finalist is kept up to date
     * (one single-day {@code plan()} per finalist and day at the start; after each booking, a re-plan on
     * the booked day for those to whom it was possible). The harm of an option is found by booking it on a
     * copy and re-planning, on its day, everyone still to be planned to whom that day was possible; the
     * option wins that (1) leaves the fewest finalists with no possible day, (2) leaves the most of them a
     * day each in a matching of finalists to their possible days, each day holding as many more loops as
     * the people in every loop (the hiring manager, the director) have room for (the smaller of their
     * remaining daily limit and the pieces of their free time long enough for their session, within the
     * hours the order rules and session windows leave for it), (3) takes the fewest finalist-days away,
     * then (4) the engine's ranking. About 10 times the {@code plan()} calls of the plain pass.
     */
    public Week planLeastHarm(FinalistsWeek.Instance in, int k) {
        return plan(in, Order.MOST_CONSTRAINED_FIRST, Order.MOST_CONSTRAINED_FIRST.apply(in.finalists(), loopLength(in)),
                Choice.LEAST_HARM, k);
    }

    /**
     * Most constrained first, and while some finalists stay unbooked, plan the whole week again from the
     * original directory with those finalists moved to the front ("squeaky wheel"), at most
     * {@code maxPasses} passes in all; the week with the most loops booked (the first such) is kept. Its
     * time is that of all passes. Each finalist gets the engine's best option.
     */
    public Week planWithRetries(FinalistsWeek.Instance in, int maxPasses) {
        return planWithRetries(in, maxPasses, Choice.BEST, LoopRequest.DEFAULT_OPTIONS);
    }

    /** As {@link #planWithRetries(FinalistsWeek.Instance, int)}, choosing each finalist's option by {@code choice} of the top {@code k}. */
    public Week planWithRetries(FinalistsWeek.Instance in, int maxPasses, Choice choice, int k) {
        return planWithRetries(in, maxPasses, choice, k, Duration.ofDays(1));
    }

    /**
     * As {@link #planWithRetries(FinalistsWeek.Instance, int, Choice, int)}, but no new pass is started when
     * the passes so far plus one more as long as the longest so far would exceed {@code budget}.
     */
    public Week planWithRetries(FinalistsWeek.Instance in, int maxPasses, Choice choice, int k, Duration budget) {
        long t0 = System.nanoTime();
        List<Finalist> order = Order.MOST_CONSTRAINED_FIRST.apply(in.finalists(), loopLength(in));
        Week best = null;
        int passes = 0;
        long longest = 0;
        while (passes < maxPasses && (passes == 0 || System.nanoTime() - t0 + longest <= budget.toNanos())) {
            passes++;
            long p0 = System.nanoTime();
            Week week = plan(in, Order.MOST_CONSTRAINED_FIRST, order, choice, k);
            longest = Math.max(longest, System.nanoTime() - p0);
            if (best == null || week.booked().size() > best.booked().size()) {
                best = week;
            }
            if (week.unbooked().isEmpty()) {
                break;
            }
            List<Finalist> next = new ArrayList<>();
            week.unbooked().forEach(o -> next.add(o.finalist()));
            order.stream().filter(f -> !next.contains(f)).forEach(next::add);
            order = next;
        }
        return new Week(in, best.order(), choice, best.outcomes(), best.bookedDirectory(), System.nanoTime() - t0,
                passes);
    }

    private static Duration loopLength(FinalistsWeek.Instance in) {
        return in.sessions().stream().map(SessionRequest::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private Week plan(FinalistsWeek.Instance in, Order order, List<Finalist> finalists, Choice choice, int k) {
        long t0 = System.nanoTime();
        Map<String, Interviewer> people = new LinkedHashMap<>();
        in.directory().people().forEach(p -> people.put(p.id(), p));
        Map<String, Room> rooms = new LinkedHashMap<>();
        in.directory().rooms().forEach(r -> rooms.put(r.id(), r));
        Directory directory = in.directory();
        List<Outcome> outcomes = new ArrayList<>();
        Harm harm = null;
        Map<Finalist, Set<LocalDate>> feasible = new HashMap<>();
        if (choice == Choice.LEAST_HARM) {
            harm = new Harm(in);
            for (Finalist f : finalists) {
                Set<LocalDate> days = new HashSet<>();
                for (LocalDate d : usableDays(in, f)) {
                    if (engine.plan(in.request(f).withDays(d, d).withOptionsWanted(1), directory)
                            instanceof ScheduleResult.Options) {
                        days.add(d);
                    }
                }
                feasible.put(f, days);
            }
        }
        List<Finalist> queue = new ArrayList<>(finalists);
        for (int i = 0; i < queue.size(); i++) {
            Finalist f = queue.get(i);
            long a = System.nanoTime();
            LoopRequest request = in.request(f);
            ScheduleResult result = choice == Choice.BEST ? engine.plan(request, directory)
                    : perDay(in, f, request, k, directory);
            if (result instanceof ScheduleResult.Options o) {
                LoopOption chosen = choice == Choice.BEST ? o.best()
                        : leastHarmful(in, harm, o.options(), people, rooms, queue.subList(i + 1, queue.size()), feasible);
                book(chosen, people, rooms);
                directory = new Directory(new ArrayList<>(people.values()), in.directory().pools(),
                        new ArrayList<>(rooms.values()));
                if (choice == Choice.LEAST_HARM) {
                    // a booking only takes capacity away: re-check the others' days that were possible, on its day
                    LocalDate d = chosen.day();
                    for (Finalist g : queue.subList(i + 1, queue.size())) {
                        if (feasible.get(g).contains(d) && !(engine.plan(in.request(g).withDays(d, d)
                                .withOptionsWanted(1), directory) instanceof ScheduleResult.Options)) {
                            feasible.get(g).remove(d);
                        }
                    }
                }
                outcomes.add(new Outcome(f, request, chosen, null, System.nanoTime() - a));
            } else {
                outcomes.add(new Outcome(f, request, null, ((ScheduleResult.NoOption) result).explanation(),
                        System.nanoTime() - a));
            }
        }
        return new Week(in, order, choice, List.copyOf(outcomes), directory, System.nanoTime() - t0, 1);
    }

    /**
     * The top {@code k} options on each day the finalist has a window long enough for the loop, one
     * {@code plan()} per such day (a single whole-week request returns its best options, which often
     * leave some of the finalist's days out), in the engine's ranking (penalty points, then day, then
     * start). When no day has one, the whole-week request's result, with its explanation.
     */
    private ScheduleResult perDay(FinalistsWeek.Instance in, Finalist f, LoopRequest request, int k, Directory directory) {
        List<LoopOption> options = new ArrayList<>();
        for (LocalDate d : usableDays(in, f)) {
            if (engine.plan(request.withDays(d, d).withOptionsWanted(k), directory) instanceof ScheduleResult.Options o) {
                options.addAll(o.options());
            }
        }
        if (options.isEmpty()) {
            return engine.plan(request, directory);
        }
        options.sort(Comparator.comparingInt((LoopOption o) -> o.score().total()).thenComparing(LoopOption::day)
                .thenComparing(LoopOption::start));
        return new ScheduleResult.Options(options, true);
    }

    /**
     * One-step look-ahead with the engine: book each option on a copy of the directory and re-plan, on
     * the option's day, every finalist still to be planned for whom that day was still possible. The
     * option wins that (1) leaves the fewest of them with no possible day at all, (2) leaves the most
     * of them a day each in a matching to days with room (see {@link Harm}), (3) takes the fewest
     * finalist-days away, then (4) the engine's ranking.
     */
    private LoopOption leastHarmful(FinalistsWeek.Instance in, Harm harm, List<LoopOption> options,
                                    Map<String, Interviewer> people, Map<String, Room> rooms, List<Finalist> rest,
                                    Map<Finalist, Set<LocalDate>> feasible) {
        LoopOption best = null;
        long bestKey = Long.MAX_VALUE;
        for (LoopOption o : options) {
            Map<String, Interviewer> p2 = new LinkedHashMap<>(people);
            Map<String, Room> r2 = new LinkedHashMap<>(rooms);
            book(o, p2, r2);
            Directory after = new Directory(new ArrayList<>(p2.values()), in.directory().pools(), new ArrayList<>(r2.values()));
            Map<Finalist, Set<LocalDate>> f2 = new HashMap<>();
            int stranded = 0;
            int lost = 0;
            for (Finalist g : rest) {
                Set<LocalDate> days = feasible.get(g);
                if (days.contains(o.day()) && !(engine.plan(in.request(g).withDays(o.day(), o.day()).withOptionsWanted(1),
                        after) instanceof ScheduleResult.Options)) {
                    days = new HashSet<>(days);
                    days.remove(o.day());
                    lost++;
                }
                stranded += days.isEmpty() ? 1 : 0;
                f2.put(g, days);
            }
            int unmatched = rest.size() - harm.matched(p2, rest, f2);
            long key = ((long) stranded << 40) | ((long) unmatched << 20) | lost;
            if (key < bestKey) {
                best = o;
                bestKey = key;
            }
        }
        return best;
    }

    /** The days on which the finalist has a window long enough for the whole loop. */
    private static List<LocalDate> usableDays(FinalistsWeek.Instance in, Finalist f) {
        Duration loop = loopLength(in);
        List<LocalDate> out = new ArrayList<>();
        for (TimeSpan w : f.availability()) {
            if (Duration.between(w.start(), w.end()).compareTo(loop) >= 0) {
                out.add(w.start().atZone(FinalistsWeek.ZONE).toLocalDate());
            }
        }
        return out;
    }

    /**
     * Part of the look-ahead of {@link Choice#LEAST_HARM}: how many more loops the people in every loop
     * (named in a session, with a daily limit) can take per day, and a matching of the finalists still to
     * be planned to their possible days within those capacities.
     */
    private static final class Harm {
        private final FinalistsWeek.Instance in;
        private final List<LocalDate> days = new ArrayList<>();
        private final List<Anchor> anchors = new ArrayList<>();

        /** A person named in every loop, with a daily limit: their session and the local hours it may lie in. */
        private record Anchor(String personId, Duration length, LocalTime from, LocalTime to) {
        }

        Harm(FinalistsWeek.Instance in) {
            this.in = in;
            for (LocalDate d = in.monday(); !d.isAfter(in.friday()); d = d.plusDays(1)) {
                days.add(d);
            }
            for (SessionRequest s : in.sessions()) {
                for (String id : s.people()) {
                    Interviewer p = in.directory().person(id).orElseThrow();
                    if (p.limits().perDay() == Integer.MAX_VALUE || !s.kind().countsAsInterview()) {
                        continue;
                    }
                    LocalTime from = s.window().map(w -> w.from()).orElse(LocalTime.MIN);
                    LocalTime to = s.window().map(w -> w.to()).orElse(LocalTime.MAX);
                    for (OrderRule r : in.orderRules()) {
                        if (r instanceof OrderRule.First first && first.session().equals(s.id())) {
                            // the first session ends before every other session starts, so before the
                            // latest start any windowed session allows
                            for (SessionRequest other : in.sessions()) {
                                if (other != s && other.window().isPresent()) {
                                    LocalTime latest = other.window().get().to().minus(other.duration());
                                    to = latest.isBefore(to) ? latest : to;
                                }
                            }
                        }
                    }
                    anchors.add(new Anchor(id, s.duration(), from, to));
                }
            }
        }

        /** How many of {@code rest} can get a day each, with the anchors' room per day as the days' capacities. */
        int matched(Map<String, Interviewer> people, List<Finalist> rest, Map<Finalist, Set<LocalDate>> feasible) {
            int[] capacity = new int[days.size()];
            int weekLeft = Integer.MAX_VALUE;
            java.util.Arrays.fill(capacity, Integer.MAX_VALUE);
            for (Anchor a : anchors) {
                Interviewer p = people.get(a.personId());
                weekLeft = Math.min(weekLeft, p.limits().perWeek() - p.bookedInWeekOf(in.monday()));
                for (int d = 0; d < days.size(); d++) {
                    LocalDate day = days.get(d);
                    capacity[d] = Math.min(capacity[d], Math.max(0, Math.min(p.limits().perDay() - p.bookedOn(day),
                            pieces(p, a, day))));
                }
            }
            return Math.min(Math.max(0, weekLeft), match(rest, capacity, feasible));
        }

        /**
         * Pieces of the anchor's session length that fit, one after another, in the person's free working
         * time on the day within the anchor's hours.
         */
        private int pieces(Interviewer p, Anchor a, LocalDate day) {
            int count = 0;
            long len = a.length().getSeconds();
            for (LocalTimeWindow w : p.workingHours().on(day.getDayOfWeek())) {
                LocalTime from = w.from().isAfter(a.from()) ? w.from() : a.from();
                LocalTime to = w.to().isBefore(a.to()) ? w.to() : a.to();
                if (!from.isBefore(to)) {
                    continue;
                }
                Instant start = day.atTime(from).atZone(p.zone()).toInstant();
                Instant end = day.atTime(to).atZone(p.zone()).toInstant();
                List<TimeSpan> busy = new ArrayList<>();
                for (BusyBlock b : p.busy()) {
                    if (b.start().isBefore(end) && b.end().isAfter(start)) {
                        busy.add(new TimeSpan(b.start(), b.end()));
                    }
                }
                busy.sort(Comparator.comparing(TimeSpan::start));
                Instant cursor = start;
                for (TimeSpan b : busy) {
                    if (b.start().isAfter(cursor)) {
                        count += (int) (Duration.between(cursor, b.start()).getSeconds() / len);
                    }
                    cursor = b.end().isAfter(cursor) ? b.end() : cursor;
                }
                if (end.isAfter(cursor)) {
                    count += (int) (Duration.between(cursor, end).getSeconds() / len);
                }
            }
            return count;
        }

        /** The most finalists that can each get a different seat, day {@code d} having {@code capacity[d]} seats. */
        private int match(List<Finalist> rest, int[] capacity, Map<Finalist, Set<LocalDate>> feasible) {
            int n = rest.size();
            boolean[][] can = new boolean[n][days.size()];
            for (int f = 0; f < n; f++) {
                for (TimeSpan w : rest.get(f).availability()) {
                    LocalDate day = w.start().atZone(FinalistsWeek.ZONE).toLocalDate();
                    if (feasible.get(rest.get(f)).contains(day)) {
                        int d = days.indexOf(day);
                        if (d >= 0 && capacity[d] > 0) {
                            can[f][d] = true;
                        }
                    }
                }
            }
            int[][] seat = new int[days.size()][];
            int[] used = new int[days.size()];
            for (int d = 0; d < days.size(); d++) {
                seat[d] = new int[Math.min(capacity[d], n)];
            }
            int matched = 0;
            for (int f = 0; f < n; f++) {
                if (augment(f, can, seat, used, new boolean[days.size()])) {
                    matched++;
                }
            }
            return matched;
        }

        private static boolean augment(int f, boolean[][] can, int[][] seat, int[] used, boolean[] seen) {
            for (int d = 0; d < seat.length; d++) {
                if (!can[f][d] || seen[d]) {
                    continue;
                }
                seen[d] = true;
                if (used[d] < seat[d].length) {
                    seat[d][used[d]++] = f;
                    return true;
                }
                for (int i = 0; i < used[d]; i++) {
                    if (augment(seat[d][i], can, seat, used, seen)) {
                        seat[d][i] = f;
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The option's sessions as bookings: busy blocks and interview counts for people, busy spans for rooms. */
    static void book(LoopOption option, Map<String, Interviewer> people, Map<String, Room> rooms) {
        Map<String, List<BusyBlock>> newBusy = new HashMap<>();
        Map<String, Map<LocalDate, Integer>> newCounts = new HashMap<>();
        for (ScheduledSession s : option.sessions()) {
            for (Participant p : s.participants()) {
                Interviewer person = people.get(p.personId());
                newBusy.computeIfAbsent(p.personId(), k -> new ArrayList<>(person.busy()))
                        .add(BusyBlock.booked(s.start(), s.end()));
                if (s.kind().countsAsInterview()) {
                    newCounts.computeIfAbsent(p.personId(), k -> new HashMap<>(person.interviewsBookedPerDay()))
                            .merge(s.start().atZone(person.zone()).toLocalDate(), 1, Integer::sum);
                }
            }
            if (s.venue() instanceof Venue.InRoom in) {
                Room room = rooms.get(in.roomId());
                List<TimeSpan> busy = new ArrayList<>(room.busy());
                busy.add(new TimeSpan(s.start(), s.end()));
                rooms.put(room.id(), new Room(room.id(), room.name(), room.capacity(), busy));
            }
        }
        newBusy.forEach((id, busy) -> {
            Interviewer person = people.get(id).withBusy(busy);
            if (newCounts.containsKey(id)) {
                person = person.withBooked(newCounts.get(id));
            }
            people.put(id, person);
        });
    }
}
