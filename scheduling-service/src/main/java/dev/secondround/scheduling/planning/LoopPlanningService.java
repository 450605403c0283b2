package dev.secondround.scheduling.planning;

import dev.secondround.platform.persistence.NativeValues;
import dev.secondround.platform.problem.Problem;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;
import dev.secondround.scheduling.directory.BusyBlock;
import dev.secondround.scheduling.directory.Interviewer;
import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.InterviewLimits;
import dev.secondround.scheduling.engine.InvalidLoopRequestException;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopOption;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.OrderRule;
import dev.secondround.scheduling.engine.PoolDemand;
import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.ScheduleResult;
import dev.secondround.scheduling.engine.SchedulingEngine;
import dev.secondround.scheduling.engine.SessionKind;
import dev.secondround.scheduling.engine.SessionRequest;
import dev.secondround.scheduling.engine.TimeSpan;
import dev.secondround.scheduling.engine.Venue;
import dev.secondround.scheduling.engine.WorkingHours;
import dev.secondround.scheduling.planning.LoopPlanApi.BlockerView;
import dev.secondround.scheduling.planning.LoopPlanApi.ExplanationView;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanRequest;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanView;
import dev.secondround.scheduling.planning.LoopPlanApi.OptionView;
import dev.secondround.scheduling.planning.LoopPlanApi.ParticipantView;
import dev.secondround.scheduling.planning.LoopPlanApi.ScoreTermView;
import dev.secondround.scheduling.planning.LoopPlanApi.SessionView;
import dev.secondround.scheduling.planning.LoopPlanApi.VenueView;
import dev.secondround.scheduling.pool.Pool;
import dev.secondround.scheduling.room.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers "when could this loop happen?" from the directory as it is now: loads this tenant's
 * active interviewers, their busy times, pools and rooms, hands them to the plain-Java
 * {@link SchedulingEngine} and turns its options (or its explanation) into API views. Books nothing.
 */
@ApplicationScoped
public class LoopPlanningService {

    static final int LONGEST_RANGE_DAYS = 31;
    private static final Set<Integer> GRIDS = Set.of(5, 10, 15, 20, 30, 60);

    private final EntityManager em;
    private final dev.secondround.platform.tenant.CurrentTenant tenant;
    private final SchedulingEngine engine = new SchedulingEngine();

    public LoopPlanningService(EntityManager em, dev.secondround.platform.tenant.CurrentTenant tenant) {
        this.em = em;
        this.tenant = tenant;
    }

    /** Everything the engine needs for one request, validated and loaded once. */
    public record PlanContext(LoopRequest loop, Directory directory, Map<UUID, Interviewer> people, Map<UUID, Pool> pools,
                              Map<UUID, Room> rooms) {

        /** The plan's sessions by their id. */
        public Map<String, SessionRequest> sessionsById() {
            return loop.sessions().stream().collect(Collectors.toMap(SessionRequest::id, Function.identity()));
        }
    }

    @Transactional
    public LoopPlanView plan(LoopPlanRequest request, LoopPlanApi.ApplicationView application) {
        PlanContext context = prepare(request);
        return view(application, run(context.loop(), context.directory()), context.people());
    }

    /** Validates the request and loads this tenant's directory, busy times and bookings around its dates. */
    @Transactional
    public PlanContext prepare(LoopPlanRequest request) {
        ZoneId zone = zone(request.timeZone());
        if (request.lastDay().isBefore(request.firstDay())) {
            throw ProblemException.invalidField("lastDay", "must not be before firstDay");
        }
        if (request.lastDay().toEpochDay() - request.firstDay().toEpochDay() >= LONGEST_RANGE_DAYS) {
            throw ProblemException.invalidField("lastDay", "plan at most " + LONGEST_RANGE_DAYS + " days at once");
        }
        int grid = request.granularityMinutes() == null ? 5 : request.granularityMinutes();
        if (!GRIDS.contains(grid)) {
            throw ProblemException.invalidField("granularityMinutes", "must be one of 5, 10, 15, 20, 30, 60");
        }
        PlanContext loaded = directoryFor(request);
        List<SessionRequest> sessions = sessions(request, loaded.people(), loaded.pools());
        List<OrderRule> rules = rules(request);
        LoopRequest loop = new LoopRequest(zone, request.firstDay(), request.lastDay(),
                request.candidateAvailability().stream().map(w -> new TimeSpan(w.start(), w.end())).toList(),
                sessions, rules, request.options() == null ? LoopRequest.DEFAULT_OPTIONS : request.options(),
                Duration.ofMinutes(grid));
        return new PlanContext(loop, loaded.directory(), loaded.people(), loaded.pools(), loaded.rooms());
    }

    /**
     * The directory around a plan's dates (a week either side, for weekly limits), without validating
     * its sessions: a stored plan may name people deactivated since booking, which is exactly when a
     * replacement is needed. {@link PlanContext#loop()} is null here.
     */
    @Transactional
    public PlanContext directoryFor(LoopPlanRequest request) {
        ZoneId zone = zone(request.timeZone());
        Instant from = request.firstDay().minusDays(7).atStartOfDay(zone).toInstant();
        Instant to = request.lastDay().plusDays(8).atStartOfDay(zone).toInstant();
        Map<UUID, Interviewer> people = em.createQuery("select i from Interviewer i where i.active = true", Interviewer.class)
                .getResultStream().collect(Collectors.toMap(Interviewer::getId, Function.identity()));
        Map<UUID, Pool> pools = em.createQuery("select p from Pool p", Pool.class)
                .getResultStream().collect(Collectors.toMap(Pool::getId, Function.identity()));
        Map<UUID, Room> rooms = em.createQuery("select r from Room r where r.active = true", Room.class)
                .getResultStream().collect(Collectors.toMap(Room::getId, Function.identity()));
        return new PlanContext(null, directory(people, pools, rooms, from, to), people, pools, rooms);
    }

    public ScheduleResult run(LoopRequest loop, Directory directory) {
        try {
            return engine.plan(loop, directory);
        } catch (InvalidLoopRequestException e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, String.join("; ", e.problems()),
                    e.problems().stream().map(p -> new Problem.InvalidField("sessions", p)).toList());
        }
    }

    /** The plan's zone, or 400 naming timeZone. */
    public ZoneId zoneOf(LoopPlanRequest request) {
        return zone(request.timeZone());
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }

    private static List<SessionRequest> sessions(LoopPlanRequest request, Map<UUID, Interviewer> people, Map<UUID, Pool> pools) {
        List<SessionRequest> sessions = new ArrayList<>();
        for (int i = 0; i < request.sessions().size(); i++) {
            LoopPlanApi.Session session = request.sessions().get(i);
            List<String> named = new ArrayList<>();
            List<java.util.UUID> ids = session.interviewerIds() == null ? List.of() : session.interviewerIds();
            for (int j = 0; j < ids.size(); j++) {
                if (!people.containsKey(ids.get(j))) {
                    // Another tenant's interviewer is as unknown as a made-up id.
                    throw ProblemException.unprocessable("sessions[" + i + "].interviewerIds[" + j + "]", "no such active interviewer");
                }
                named.add(ids.get(j).toString());
            }
            List<PoolDemand> demands = new ArrayList<>();
            List<LoopPlanApi.FromPool> fromPools = session.fromPools() == null ? List.of() : session.fromPools();
            for (int j = 0; j < fromPools.size(); j++) {
                if (!pools.containsKey(fromPools.get(j).poolId())) {
                    throw ProblemException.unprocessable("sessions[" + i + "].fromPools[" + j + "].poolId", "no such pool");
                }
                demands.add(new PoolDemand(fromPools.get(j).poolId().toString(), fromPools.get(j).count()));
            }
            if (session.kind() != SessionKind.BREAK && named.isEmpty() && demands.isEmpty()) {
                throw ProblemException.invalidField("sessions[" + i + "]", "name interviewers or a pool (only a break has nobody)");
            }
            RoomNeed room = session.room() != null ? session.room()
                    : session.kind().countsAsInterview() ? RoomNeed.IN_PERSON : RoomNeed.NONE;
            Optional<LocalTimeWindow> window = Optional.empty();
            if (session.window() != null) {
                if (!session.window().from().isBefore(session.window().to())) {
                    throw ProblemException.invalidField("sessions[" + i + "].window.to", "must be after from");
                }
                window = Optional.of(new LocalTimeWindow(session.window().from(), session.window().to()));
            }
            sessions.add(new SessionRequest(session.id(), session.title() == null ? session.id() : session.title().strip(),
                    session.kind(), Duration.ofMinutes(session.durationMinutes()), named, demands, room, window));
        }
        return sessions;
    }

    public static List<OrderRule> rules(LoopPlanRequest request) {
        List<OrderRule> rules = new ArrayList<>();
        List<LoopPlanApi.Rule> given = request.orderRules() == null ? List.of() : request.orderRules();
        for (int i = 0; i < given.size(); i++) {
            LoopPlanApi.Rule rule = given.get(i);
            String field = "orderRules[" + i + "]";
            rules.add(switch (rule.type()) {
                case FIRST -> new OrderRule.First(required(rule.session(), field + ".session"));
                case LAST -> new OrderRule.Last(required(rule.session(), field + ".session"));
                case BEFORE -> new OrderRule.Before(required(rule.earlier(), field + ".earlier"), required(rule.later(), field + ".later"));
            });
        }
        return rules;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required for this rule");
        }
        return value.strip();
    }

    private Directory directory(Map<UUID, Interviewer> people, Map<UUID, Pool> pools, Map<UUID, Room> rooms,
                                Instant from, Instant to) {
        Map<UUID, List<dev.secondround.scheduling.engine.BusyBlock>> busy = new java.util.HashMap<>();
        em.createQuery("select b from BusyBlock b where b.startsAt < :to and b.endsAt > :from", BusyBlock.class)
                .setParameter("from", from).setParameter("to", to)
                .getResultStream().forEach(b -> busy.computeIfAbsent(b.interviewerId, k -> new ArrayList<>())
                        .add(b.kind == BusyBlock.Kind.TIME_OFF
                                ? dev.secondround.scheduling.engine.BusyBlock.timeOff(b.startsAt, b.endsAt)
                                : dev.secondround.scheduling.engine.BusyBlock.booked(b.startsAt, b.endsAt)));
        // Booked loops: the person is busy, and booked interviews count against their limits.
        Map<UUID, Map<java.time.LocalDate, Integer>> interviewsPerDay = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select interviewer_id, lower(during), upper(during), counts_as_interview
                        from interviewer_booking where tenant_id = :tenant and during && tstzrange(:from, :to)""")
                .setParameter("tenant", tenant.require())
                .setParameter("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .setParameter("to", java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .getResultList()) {
            Object[] booking = (Object[]) row;
            UUID interviewer = (UUID) booking[0];
            Instant start = NativeValues.instant(booking[1]);
            Instant end = NativeValues.instant(booking[2]);
            busy.computeIfAbsent(interviewer, k -> new ArrayList<>()).add(dev.secondround.scheduling.engine.BusyBlock.booked(start, end));
            Interviewer person = people.get(interviewer);
            if (Boolean.TRUE.equals(booking[3]) && person != null) {
                interviewsPerDay.computeIfAbsent(interviewer, k -> new java.util.HashMap<>())
                        .merge(start.atZone(ZoneId.of(person.timeZone)).toLocalDate(), 1, Integer::sum);
            }
        }
        Map<UUID, List<TimeSpan>> roomBusy = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery(
                        "select room_id, lower(during), upper(during) from room_booking where tenant_id = :tenant and during && tstzrange(:from, :to)")
                .setParameter("tenant", tenant.require())
                .setParameter("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .setParameter("to", java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
                .getResultList()) {
            Object[] booking = (Object[]) row;
            roomBusy.computeIfAbsent((UUID) booking[0], k -> new ArrayList<>()).add(new TimeSpan(NativeValues.instant(booking[1]), NativeValues.instant(booking[2])));
        }
        List<dev.secondround.scheduling.engine.Interviewer> interviewers = people.values().stream()
                .map(i -> new dev.secondround.scheduling.engine.Interviewer(i.getId().toString(), i.fullName, ZoneId.of(i.timeZone),
                        workingHours(i), new InterviewLimits(i.maxInterviewsPerDay, i.maxInterviewsPerWeek),
                        busy.getOrDefault(i.getId(), List.of()), interviewsPerDay.getOrDefault(i.getId(), Map.of())))
                .toList();
        List<dev.secondround.scheduling.engine.Pool> enginePools = pools.values().stream()
                .map(p -> new dev.secondround.scheduling.engine.Pool(p.getId().toString(), p.name,
                        p.memberIds.stream().filter(people::containsKey).map(UUID::toString).toList()))
                .toList();
        List<dev.secondround.scheduling.engine.Room> engineRooms = rooms.values().stream()
                .filter(r -> r.kind == Room.Kind.IN_PERSON)
                .map(r -> new dev.secondround.scheduling.engine.Room(r.getId().toString(), r.name, r.capacity,
                        roomBusy.getOrDefault(r.getId(), List.of())))
                .toList();
        return new Directory(interviewers, enginePools, engineRooms);
    }

    private static WorkingHours workingHours(Interviewer interviewer) {
        Map<DayOfWeek, List<LocalTimeWindow>> perDay = new EnumMap<>(DayOfWeek.class);
        interviewer.workingHours.forEach(w -> perDay.put(w.day(), List.of(new LocalTimeWindow(w.start(), w.end()))));
        return new WorkingHours(perDay);
    }

    public static LoopPlanView view(LoopPlanApi.ApplicationView application, ScheduleResult result, Map<UUID, Interviewer> people) {
        if (result instanceof ScheduleResult.NoOption none) {
            return new LoopPlanView(application, List.of(), false, new ExplanationView(none.explanation().summary(),
                    none.explanation().blockers().stream()
                            .map(b -> new BlockerView(b.kind().name(), b.subject(), b.days(), b.message())).toList()));
        }
        List<OptionView> options = new ArrayList<>();
        ScheduleResult.Options found = (ScheduleResult.Options) result;
        for (LoopOption option : found.options()) {
            options.add(new OptionView(option.rank(), option.day(),
                    option.sessions().stream().map(s -> new SessionView(s.sessionId(), s.title(), s.kind(), s.start(), s.end(),
                            s.participants().stream().map(p -> new ParticipantView(UUID.fromString(p.personId()),
                                    people.get(UUID.fromString(p.personId())).fullName,
                                    p.fromPool().map(UUID::fromString).orElse(null))).toList(),
                            venue(s.venue()))).toList(),
                    option.score().total(),
                    option.score().terms().stream().map(t -> new ScoreTermView(t.name(), t.points(), t.detail())).toList()));
        }
        return new LoopPlanView(application, options, found.provenBest(), null);
    }

    private static VenueView venue(Venue venue) {
        if (venue instanceof Venue.InRoom room) {
            return new VenueView("ROOM", UUID.fromString(room.roomId()), room.roomName());
        }
        if (venue instanceof Venue.VideoCall) {
            return new VenueView("VIDEO", null, null);
        }
        return new VenueView("NONE", null, null);
    }
}
