package dev.secondround.scheduling.engine;

import dev.secondround.scheduling.engine.testsupport.FinalistsWeek;
import dev.secondround.scheduling.engine.testsupport.WeekCheck;
import dev.secondround.scheduling.engine.testsupport.WeekLoad;
import dev.secondround.scheduling.engine.testsupport.WeekPlanner;
import dev.secondround.scheduling.engine.testsupport.WeekPlanner.Choice;
import dev.secondround.scheduling.engine.testsupport.WeekPlanner.Order;
import dev.secondround.scheduling.engine.testsupport.WeekPlanner.Outcome;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The joint benchmark of issue 3, item 9: 20 finalists' loops sharing one panel in one week
 * ({@link FinalistsWeek}), planned one after another the way the service does ({@link WeekPlanner}),
 * checked by {@link WeekCheck}. Not a test: run it by hand (command in scheduling-service/README-engine.md).
 * Arguments: measured weeks (default 30, seeds 0..n-1), warm-up weeks (default 10, other seeds), calendar
 * load (default 1.0, see {@link FinalistsWeek#generate(long, double)}), the squeaky wheel's pass limit
 * of the unbudgeted row (default 40), options per day for the look-ahead (default 2), the hiring manager's daily limit (default 0:
 * the generator's 4, no slack; 5 gives the realistic-slack variant, set after generation, everything else
 * unchanged) and the time budget of the budgeted retry rows in ms (default 1800: no pass is started that
 * would end past it, judged by the longest pass so far). The same weeks are planned six ways: in arrival
 * order; most constrained first; most constrained first choosing the least harmful option
 * ({@link WeekPlanner#planLeastHarm}); most constrained first with squeaky-wheel retries
 * ({@link WeekPlanner#planWithRetries}), up to the pass limit and within the time budget; and the
 * retries with the least harmful option, within the time budget. The time of a week is everything:
 * every plan, every booking into the directory, every look-ahead, every pass.
 */
public final class FinalistsWeekBenchmark {

    private FinalistsWeekBenchmark() {
    }

    public static void main(String[] args) {
        int weeks = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double load = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        int k = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int hmPerDay = args.length > 5 ? Integer.parseInt(args[5]) : 0; // 0: the generator's 4 (no slack)
        Duration budget = Duration.ofMillis(args.length > 6 ? Long.parseLong(args[6]) : 1800);
        WeekPlanner planner = new WeekPlanner(new SchedulingEngine());
        for (int i = 0; i < warmup; i++) {
            FinalistsWeek.Instance in = week(1_000_000L + i, load, hmPerDay);
            for (Order order : Order.values()) {
                planner.plan(in, order);
            }
            planner.planLeastHarm(in, k);
            planner.planWithRetries(in, passes);
            planner.planWithRetries(in, Integer.MAX_VALUE, Choice.BEST, LoopRequest.DEFAULT_OPTIONS, budget);
            planner.planWithRetries(in, Integer.MAX_VALUE, Choice.LEAST_HARM, k, budget);
        }
        Interviewer hm = week(0, load, hmPerDay).directory().person(FinalistsWeek.HIRING_MANAGER).orElseThrow();
        System.out.printf(Locale.ROOT, "Finalists' week: %d loops sharing one panel in one week; %d weeks (seeds 0..%d) "
                + "after %d warm-up weeks, calendar load %.2f, hiring manager at most %d a day and %d a week%s%n",
                FinalistsWeek.FINALISTS, weeks, weeks - 1, warmup, load, hm.limits().perDay(), hm.limits().perWeek(),
                hmPerDay > 0 ? " (REALISTIC-SLACK VARIANT: the generator's daily limit of 4 raised after generation)"
                        : " (no slack: the generator's week)");
        WeekPlanner.Week shown = null;
        for (Order order : Order.values()) {
            List<WeekPlanner.Week> results = new ArrayList<>();
            for (int i = 0; i < weeks; i++) {
                results.add(planner.plan(week(i, load, hmPerDay), order));
            }
            shown = results.get(0);
            report(order.toString(), results);
        }
        List<WeekPlanner.Week> leastHarm = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            leastHarm.add(planner.planLeastHarm(week(i, load, hmPerDay), k));
        }
        report("MOST_CONSTRAINED_FIRST, least harmful of the top " + k + " options per day", leastHarm);
        List<WeekPlanner.Week> retried = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            retried.add(planner.planWithRetries(week(i, load, hmPerDay), passes));
        }
        report("MOST_CONSTRAINED_FIRST + squeaky wheel (up to " + passes + " passes), best option", retried);
        List<WeekPlanner.Week> retriedInBudget = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            retriedInBudget.add(planner.planWithRetries(week(i, load, hmPerDay), Integer.MAX_VALUE, Choice.BEST,
                    LoopRequest.DEFAULT_OPTIONS, budget));
        }
        report("MOST_CONSTRAINED_FIRST + squeaky wheel (passes while within " + budget.toMillis() + " ms), best option",
                retriedInBudget);
        List<WeekPlanner.Week> retriedLeastHarm = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            retriedLeastHarm.add(planner.planWithRetries(week(i, load, hmPerDay), Integer.MAX_VALUE, Choice.LEAST_HARM, k,
                    budget));
        }
        report("MOST_CONSTRAINED_FIRST + squeaky wheel (passes while within " + budget.toMillis()
                + " ms), least harmful of the top " + k + " per day", retriedLeastHarm);
        System.out.println();
        detail(shown);
        System.out.println();
        detail(leastHarm.get(0));
        System.out.printf(Locale.ROOT, "%nJVM %s, %d processors%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The generator's week; with {@code hmPerDay > 0} the hiring manager's daily limit is set to that
     * afterwards (everything else, the weekly limit of 20 included, is the generator's).
     */
    static FinalistsWeek.Instance week(long seed, double load, int hmPerDay) {
        FinalistsWeek.Instance in = FinalistsWeek.generate(seed, load);
        if (hmPerDay <= 0) {
            return in;
        }
        List<Interviewer> people = in.directory().people().stream()
                .map(p -> p.id().equals(FinalistsWeek.HIRING_MANAGER)
                        ? p.withLimits(new InterviewLimits(hmPerDay, p.limits().perWeek())) : p)
                .toList();
        return new FinalistsWeek.Instance(in.seed(), in.monday(),
                new Directory(people, in.directory().pools(), in.directory().rooms()), in.finalists(), in.sessions(),
                in.orderRules());
    }

    private static void report(String order, List<WeekPlanner.Week> weeks) {
        int loops = 0;
        int booked = 0;
        int fullWeeks = 0;
        int targetMet = 0;
        int maxPasses = 0;
        int sumPasses = 0;
        int minBooked = Integer.MAX_VALUE;
        int conflicts = 0;
        int hmEven = 0;
        int doubleLunches = 0;
        long[] weekNanos = new long[weeks.size()];
        List<Long> loopNanos = new ArrayList<>();
        Map<String, int[]> spreads = new LinkedHashMap<>(); // pool -> spread per week
        List<String> unbookedSamples = new ArrayList<>();
        Map<String, Integer> blockers = new TreeMap<>();
        for (int w = 0; w < weeks.size(); w++) {
            WeekPlanner.Week week = weeks.get(w);
            int b = week.booked().size();
            loops += week.outcomes().size();
            booked += b;
            minBooked = Math.min(minBooked, b);
            fullWeeks += b == FinalistsWeek.FINALISTS ? 1 : 0;
            int found = WeekCheck.conflicts(week.instance().directory(), bookedLoops(week)).size();
            conflicts += found;
            targetMet += b == FinalistsWeek.FINALISTS && found == 0 && week.totalNanos() <= 2_000_000_000L ? 1 : 0;
            maxPasses = Math.max(maxPasses, week.passes());
            sumPasses += week.passes();
            weekNanos[w] = week.totalNanos();
            week.outcomes().forEach(o -> loopNanos.add(o.nanos()));
            WeekLoad load = WeekLoad.of(week);
            if (b == FinalistsWeek.FINALISTS && Arrays.stream(load.hmPerDay()).allMatch(n -> n == 4)) {
                hmEven++;
            }
            doubleLunches += load.doubleLunchHostDays();
            for (String pool : POOLS) {
                spreads.computeIfAbsent(pool, k -> new int[weeks.size()])[w] = load.spread(pool);
            }
            for (Outcome o : week.unbooked()) {
                o.explanation().blockers().stream().map(x -> x.kind() + (x.kind() == Blocker.Kind.DAILY_LIMIT
                        || x.kind() == Blocker.Kind.POOL_TOO_FEW_FREE || x.kind() == Blocker.Kind.PERSON_BUSY
                        || x.kind() == Blocker.Kind.NO_ROOM_FREE ? " " + x.subject() : "")).distinct()
                        .forEach(k -> blockers.merge(k, 1, Integer::sum));
                if (unbookedSamples.size() < 2) {
                    unbookedSamples.add("week " + week.instance().seed() + ", " + o.finalist().name() + ": "
                            + o.explanation().text().replace("\n", "\n      "));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%norder %s%n", order);
        System.out.printf(Locale.ROOT, "  loops booked          %d of %d (weeks with all 20: %d of %d; fewest in a week: %d)%n",
                booked, loops, fullWeeks, weeks.size(), minBooked);
        System.out.printf(Locale.ROOT, "  conflicts found       %d (independent check of every week's booked loops)%n", conflicts);
        System.out.printf(Locale.ROOT, "  target met            %d of %d weeks (20 of 20 booked, 0 conflicts, <= 2 s)%n",
                targetMet, weeks.size());
        System.out.printf(Locale.ROOT, "  hiring manager        4 interviews on each of the 5 days in %d of %d weeks%n",
                hmEven, weeks.size());
        for (String pool : POOLS) {
            int[] s = spreads.get(pool);
            System.out.printf(Locale.ROOT, "  spread %-14s max-min %s per member: mean %.2f, max %d over the weeks%n",
                    pool, pool.equals(FinalistsWeek.GUIDES) ? "tours" : pool.equals(FinalistsWeek.LUNCH_HOSTS)
                            ? "lunches" : "week's interviews (incl. earlier ones)",
                    Arrays.stream(s).average().orElse(0), Arrays.stream(s).max().orElse(0));
        }
        System.out.printf(Locale.ROOT, "  lunch hosts with two lunches on one day: %d host-days in %d weeks%n",
                doubleLunches, weeks.size());
        System.out.printf(Locale.ROOT, "  time per week (20 loops, plan + book): %s%n", percentiles(weekNanos));
        if (maxPasses > 1) {
            System.out.printf(Locale.ROOT, "  passes per week: mean %.1f, max %d%n", (double) sumPasses / weeks.size(),
                    maxPasses);
        } else {
            System.out.printf(Locale.ROOT, "  time per loop (plan + book):           %s%n",
                    percentiles(loopNanos.stream().mapToLong(Long::longValue).toArray()));
        }
        if (!blockers.isEmpty()) {
            System.out.printf(Locale.ROOT, "  blockers named in the unbooked loops' explanations (loops naming each): %s%n",
                    blockers);
        }
        unbookedSamples.forEach(s -> System.out.println("  not booked: " + s));
    }

    private static final List<String> POOLS = List.of(FinalistsWeek.PEERS, FinalistsWeek.JAVA, FinalistsWeek.GUIDES,
            FinalistsWeek.LUNCH_HOSTS);

    private static List<WeekCheck.BookedLoop> bookedLoops(WeekPlanner.Week week) {
        return week.booked().stream()
                .map(o -> new WeekCheck.BookedLoop(o.finalist().name(), o.request(), o.booked())).toList();
    }

    /** One week in detail: every outcome, every person's load and the manager's days. */
    private static void detail(WeekPlanner.Week week) {
        FinalistsWeek.Instance in = week.instance();
        System.out.printf(Locale.ROOT, "Week %d in detail (%s to %s), order %s, option %s, %d of %d booked, %.1f ms:%n",
                in.seed(), in.monday(), in.friday(), week.order(), week.choice(), week.booked().size(), week.outcomes().size(),
                week.totalNanos() / 1e6);
        for (Outcome o : week.outcomes()) {
            String avail = o.finalist().availability().stream()
                    .map(s -> day(s.start().atZone(FinalistsWeek.ZONE).toLocalDate()) + " "
                            + s.start().atZone(FinalistsWeek.ZONE).toLocalTime() + "-"
                            + s.end().atZone(FinalistsWeek.ZONE).toLocalTime())
                    .reduce((a, b) -> a + ", " + b).orElse("");
            if (o.isBooked()) {
                LoopOption b = o.booked();
                System.out.printf(Locale.ROOT, "  %s  %s %s-%s  score %4d  %5.1f ms  (free: %s)%n", o.finalist().name(),
                        day(b.day()), time(b.start()), time(b.end()), b.score().total(), o.nanos() / 1e6, avail);
            } else {
                System.out.printf(Locale.ROOT, "  %s  not booked  %5.1f ms  (free: %s)%n    %s%n", o.finalist().name(),
                        o.nanos() / 1e6, avail, o.explanation().text().replace("\n", "\n    "));
            }
        }
        WeekLoad load = WeekLoad.of(week);
        System.out.printf(Locale.ROOT, "  hiring manager per day: %s%n", perDay(load.hmPerDay()));
        System.out.printf(Locale.ROOT, "  director: %d interviews%n", load.fromLoops(FinalistsWeek.DIRECTOR));
        for (String pool : POOLS) {
            StringBuilder line = new StringBuilder();
            boolean interviews = pool.equals(FinalistsWeek.PEERS) || pool.equals(FinalistsWeek.JAVA);
            for (String id : in.poolMembers(pool)) {
                Interviewer p = in.directory().person(id).orElseThrow();
                line.append(String.format(Locale.ROOT, " %s %d", id, load.fromLoops(id)));
                if (interviews) {
                    line.append(String.format(Locale.ROOT, "+%d/%d", load.earlier(id), p.limits().perWeek()));
                }
                long off = p.busy().stream().filter(x -> x.reason() == BusyBlock.Reason.TIME_OFF).count();
                if (off > 0) {
                    line.append(" (").append(off).append(off == 1 ? " day" : " days").append(" off)");
                }
                line.append(',');
            }
            line.setLength(line.length() - 1);
            System.out.printf(Locale.ROOT, "  %-14s%s%s; spread %d%n", pool,
                    interviews ? " (this week's loops + earlier / weekly limit):" : ":", line, load.spread(pool));
        }
    }

    private static String perDay(int[] counts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            s.append(i == 0 ? "" : ", ").append(DayOfWeek.of(i + 1).getDisplayName(TextStyle.SHORT, Locale.ROOT))
                    .append(' ').append(counts[i]);
        }
        return s.toString();
    }

    private static String day(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + d;
    }

    private static String time(java.time.Instant i) {
        return i.atZone(FinalistsWeek.ZONE).toLocalTime().toString();
    }

    /** Nearest-rank percentiles. */
    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(Locale.ROOT, "n=%-4d p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  mean %7.1f ms", n,
                sorted[(int) Math.ceil(0.50 * n) - 1] / 1e6, sorted[(int) Math.ceil(0.95 * n) - 1] / 1e6,
                sorted[n - 1] / 1e6, Arrays.stream(sorted).sum() / 1e6 / n);
    }
}
