package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.BusyBlock;
import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.Explanation;
import dev.secondround.scheduling.engine.Interviewer;
import dev.secondround.scheduling.engine.LoopOption;
import dev.secondround.scheduling.engine.LoopRequest;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public record Week(FinalistsWeek.Instance instance, Order order, List<Outcome> outcomes, Directory bookedDirectory,
                       long totalNanos, int passes) {

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
        return plan(in, order, order.apply(in.finalists(), loopLength(in)));
    }

    /**
     * Most constrained first, and while some finalists stay unbooked, plan the whole week again from the
     * original directory with those finalists moved to the front ("squeaky wheel"), at most
     * {@code maxPasses} passes in all; the week with the most loops booked (the first such) is kept. Its
     * time is that of all passes.
     */
    public Week planWithRetries(FinalistsWeek.Instance in, int maxPasses) {
        long t0 = System.nanoTime();
        List<Finalist> order = Order.MOST_CONSTRAINED_FIRST.apply(in.finalists(), loopLength(in));
        Week best = null;
        int passes = 0;
        while (passes < maxPasses) {
            passes++;
            Week week = plan(in, Order.MOST_CONSTRAINED_FIRST, order);
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
        return new Week(in, best.order(), best.outcomes(), best.bookedDirectory(), System.nanoTime() - t0,
                passes);
    }

    private static Duration loopLength(FinalistsWeek.Instance in) {
        return in.sessions().stream().map(SessionRequest::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private Week plan(FinalistsWeek.Instance in, Order order, List<Finalist> finalists) {
        long t0 = System.nanoTime();
        Map<String, Interviewer> people = new LinkedHashMap<>();
        in.directory().people().forEach(p -> people.put(p.id(), p));
        Map<String, Room> rooms = new LinkedHashMap<>();
        in.directory().rooms().forEach(r -> rooms.put(r.id(), r));
        Directory directory = in.directory();
        List<Outcome> outcomes = new ArrayList<>();
        for (Finalist f : finalists) {
            long a = System.nanoTime();
            LoopRequest request = in.request(f);
            ScheduleResult result = engine.plan(request, directory);
            if (result instanceof ScheduleResult.Options o) {
                LoopOption best = o.best();
                book(best, people, rooms);
                directory = new Directory(new ArrayList<>(people.values()), in.directory().pools(),
                        new ArrayList<>(rooms.values()));
                outcomes.add(new Outcome(f, request, best, null, System.nanoTime() - a));
            } else {
                outcomes.add(new Outcome(f, request, null, ((ScheduleResult.NoOption) result).explanation(),
                        System.nanoTime() - a));
            }
        }
        return new Week(in, order, List.copyOf(outcomes), directory, System.nanoTime() - t0, 1);
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
