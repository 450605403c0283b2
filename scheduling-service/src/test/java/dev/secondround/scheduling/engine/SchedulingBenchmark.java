package dev.secondround.scheduling.engine;

import dev.secondround.scheduling.engine.testsupport.RealisticInstances;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of {@link SchedulingEngine#plan} for the top 5 options of the six-session loop over
 * 40 interviewers, 10 business days and calendars about 60% busy (see {@link RealisticInstances}).
 * Not a test: run it by hand (command in scheduling-service/README-engine.md). Arguments: number of
 * measured instances (default 300), warm-up instances (default 200), busy share (default 0.6).
 */
public final class SchedulingBenchmark {

    private SchedulingBenchmark() {
    }

    public static void main(String[] args) {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double busy = args.length > 2 ? Double.parseDouble(args[2]) : 0.6;
        SchedulingEngine engine = new SchedulingEngine();

        for (int i = 0; i < warmup; i++) {
            RealisticInstances.Instance in = RealisticInstances.generate(1_000_000L + i, busy);
            engine.plan(in.request(), in.directory());
        }
        long[] nanos = new long[measured];
        int feasible = 0;
        int options = 0;
        double busyMeasured = 0;
        for (int i = 0; i < measured; i++) {
            RealisticInstances.Instance in = RealisticInstances.generate(i, busy);
            long t0 = System.nanoTime();
            ScheduleResult result = engine.plan(in.request(), in.directory());
            nanos[i] = System.nanoTime() - t0;
            if (result instanceof ScheduleResult.Options o) {
                feasible++;
                options += o.options().size();
            }
            busyMeasured += busyShareOf(in);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "instances %d (after %d warm-up), busy share %.2f (measured %.2f), "
                        + "with options %d, options returned %d%n", measured, warmup, busy, busyMeasured / measured,
                feasible, options);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f%n",
                ms(sorted[(int) Math.ceil(0.50 * measured) - 1]), ms(sorted[(int) Math.ceil(0.95 * measured) - 1]),
                ms(sorted[(int) Math.ceil(0.99 * measured) - 1]), ms(sorted[measured - 1]),
                ms(Arrays.stream(sorted).sum() / measured));
        System.out.printf(Locale.ROOT, "JVM %s, %d processors%n", System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());
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
