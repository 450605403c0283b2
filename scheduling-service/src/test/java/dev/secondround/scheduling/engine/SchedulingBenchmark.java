package dev.secondround.scheduling.engine;

import dev.secondround.scheduling.engine.testsupport.RealisticInstances;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of {@link SchedulingEngine#plan} for the top 5 options of the six-session loop over
 * 40 interviewers, 10 business days and calendars about 60% busy (see {@link RealisticInstances}).
 * Not a test: run it by hand (command in scheduling-service/README-engine.md). Arguments: number of
 * measured instances (default 300), warm-up instances (default 200), busy share (default 0.6), and
 * {@code 8} for the eight-session variant where interview limits can bind
 * ({@link RealisticInstances#withDesignAndWrapUp}).
 */
public final class SchedulingBenchmark {

    private SchedulingBenchmark() {
    }

    public static void main(String[] args) {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double busy = args.length > 2 ? Double.parseDouble(args[2]) : 0.6;
        boolean eight = args.length > 3 && args[3].equals("8");
        SchedulingEngine engine = new SchedulingEngine();

        for (int i = 0; i < warmup; i++) {
            RealisticInstances.Instance in = instance(1_000_000L + i, busy, eight);
            engine.plan(in.request(), in.directory());
        }
        long[] nanos = new long[measured];
        boolean[] found = new boolean[measured];
        int feasible = 0;
        int options = 0;
        double busyMeasured = 0;
        for (int i = 0; i < measured; i++) {
            RealisticInstances.Instance in = instance(i, busy, eight);
            long t0 = System.nanoTime();
            ScheduleResult result = engine.plan(in.request(), in.directory());
            nanos[i] = System.nanoTime() - t0;
            if (result instanceof ScheduleResult.Options o) {
                found[i] = true;
                feasible++;
                options += o.options().size();
            }
            busyMeasured += busyShareOf(in);
        }
        System.out.printf(Locale.ROOT, "%d-session loop, instances %d (after %d warm-up), busy share %.2f "
                        + "(measured %.2f), with options %d, options returned %d%n", eight ? 8 : 6, measured, warmup,
                busy, busyMeasured / measured, feasible, options);
        report("all", nanos);
        report("with options", select(nanos, found, true));
        report("no option (explained)", select(nanos, found, false));
        System.out.printf(Locale.ROOT, "JVM %s, %d processors%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());
    }

    private static RealisticInstances.Instance instance(long seed, double busy, boolean eight) {
        RealisticInstances.Instance in = RealisticInstances.generate(seed, busy);
        return eight ? RealisticInstances.withDesignAndWrapUp(in) : in;
    }

    private static long[] select(long[] nanos, boolean[] found, boolean wanted) {
        long[] out = new long[nanos.length];
        int n = 0;
        for (int i = 0; i < nanos.length; i++) {
            if (found[i] == wanted) {
                out[n++] = nanos[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Nearest-rank percentiles. */
    private static void report(String label, long[] nanos) {
        if (nanos.length == 0) {
            System.out.printf(Locale.ROOT, "%-22s n=0%n", label);
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf(Locale.ROOT, "%-22s n=%-4d p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  mean %5.1f ms%n",
                label, n, ms(sorted[(int) Math.ceil(0.50 * n) - 1]), ms(sorted[(int) Math.ceil(0.95 * n) - 1]),
                ms(sorted[(int) Math.ceil(0.99 * n) - 1]), ms(sorted[n - 1]), ms(Arrays.stream(sorted).sum() / n));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Share of working time on business days covered by bookings and time off, for the report. */
    private static double busyShareOf(RealisticInstances.Instance in) {
        long working = 0;
        long busy = 0;
        for (Interviewer p : in.directory().people()) {
            for (java.time.LocalDate d = in.request().firstDay(); !d.isAfter(in.request().lastDay()); d = d.plusDays(1)) {
                for (LocalTimeWindow w : p.workingHours().on(d.getDayOfWeek())) {
                    java.time.Instant a = d.atTime(w.from()).atZone(p.zone()).toInstant();
                    java.time.Instant b = d.atTime(w.to()).atZone(p.zone()).toInstant();
                    working += b.getEpochSecond() - a.getEpochSecond();
                    for (BusyBlock block : p.busy()) {
                        long from = Math.max(a.getEpochSecond(), block.start().getEpochSecond());
                        long to = Math.min(b.getEpochSecond(), block.end().getEpochSecond());
                        busy += Math.max(0, to - from);
                    }
                }
            }
        }
        return working == 0 ? 0 : (double) busy / working;
    }
}
