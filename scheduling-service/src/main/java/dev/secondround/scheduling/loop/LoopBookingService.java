package dev.secondround.scheduling.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.security.Caller;
import dev.secondround.scheduling.directory.Interviewer;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.PoolDemand;
import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.ScheduleResult;
import dev.secondround.scheduling.engine.SessionRequest;
import dev.secondround.scheduling.application.SchedulableApplication;
import dev.secondround.scheduling.feedbacksync.LoopFeedbackSync;
import dev.secondround.scheduling.loop.LoopApi.ChosenOption;
import dev.secondround.scheduling.loop.LoopApi.ChosenSession;
import dev.secondround.scheduling.loop.LoopApi.CreateLoopRequest;
import dev.secondround.scheduling.loop.LoopApi.LoopView;
import dev.secondround.scheduling.loop.LoopApi.SessionView;
import dev.secondround.scheduling.planning.LoopPlanApi;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanRequest;
import dev.secondround.scheduling.planning.LoopPlanningService;
import dev.secondround.scheduling.planning.LoopPlanningService.PlanContext;
import dev.secondround.scheduling.pool.Pool;
import dev.secondround.scheduling.room.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Confirms an option. The option is checked by the engine itself, pinned: every session fixed to the
 * chosen start and people, one day, so whatever the engine would refuse (time off, working hours,
 * limits, order, windows, candidate availability) is refused here too. The database then makes the
 * booking atomic and collision-free: exclusion constraints reject a person or room booked twice, so
 * of two concurrent confirmations that collide exactly one commits.
 */
@ApplicationScoped
public class LoopBookingService {

    private static final String EXCLUSION_VIOLATION = "23P01";

    private final EntityManager em;
    private final LoopPlanningService planning;
    /** Field-injected: the invites read loops through this service (a cycle constructors cannot have). */
    @jakarta.inject.Inject
    LoopInvites invites;
    private final LoopFeedbackSync feedbackSync;
    private final Caller caller;
    private final ObjectMapper json;

    public LoopBookingService(EntityManager em, LoopPlanningService planning, LoopFeedbackSync feedbackSync, Caller caller,
                              ObjectMapper json) {
        this.em = em;
        this.planning = planning;
        this.feedbackSync = feedbackSync;
        this.caller = caller;
        this.json = json;
    }

    /**
     * A new loop for a confirmed application: booked at once when an option is given, PROPOSED with
     * the options offered to the candidate (each checked to be possible now, nothing held), or a DRAFT.
     */
    @Transactional
    public Loop create(CreateLoopRequest request, SchedulableApplication application) {
        if (request.option() != null && request.proposedOptions() != null) {
            throw ProblemException.invalidField("proposedOptions", "give either option (book now) or proposedOptions, not both");
        }
        requireNoLiveLoop(application);
        Loop loop = new Loop();
        loop.applicationId = application.applicationId();
        loop.round = application.round();
        loop.roundName = application.roundName();
        loop.candidateId = application.candidateId();
        loop.candidateName = application.candidateName();
        loop.candidateEmail = application.candidateEmail();
        loop.jobId = application.jobId();
        loop.jobTitle = application.jobTitle();
        loop.title = request.title() == null || request.title().isBlank()
                ? "Round " + application.round() + ": " + application.candidateName() + ", " + application.jobTitle()
                : request.title().strip();
        loop.timeZone = planning.zoneOf(request.plan()).getId();
        loop.bookedBy = caller.subject();
        loop.plan = write(request.plan());
        LoopPlanApi.ApplicationView applicationView = LoopPlanApi.ApplicationView.of(application);
        if (request.option() != null) {
            lockPeopleOf(List.of(request.option()));
            PlanContext context = planning.prepare(request.plan());
            check(request.plan(), request.option(), context, applicationView);
            loop.status = Loop.LoopStatus.BOOKED;
            setTimes(loop, request.option(), context);
            persistNew(loop);
            bookSessions(loop, request.option(), context, request.plan(), applicationView);
            record(loop, LoopChange.Kind.BOOKED, loop.title + " on " + loop.day, null);
            invites.queue(loop, true, invites.everyone(loop));
        } else if (request.proposedOptions() != null) {
            PlanContext context = planning.prepare(request.plan());
            for (int i = 0; i < request.proposedOptions().size(); i++) {
                check(request.plan(), request.proposedOptions().get(i), context, applicationView, "proposedOptions[" + i + "]");
            }
            loop.status = Loop.LoopStatus.PROPOSED;
            loop.proposedOptions = write(request.proposedOptions());
            persistNew(loop);
            record(loop, LoopChange.Kind.PROPOSED, request.proposedOptions().size() + " option(s) offered: "
                    + request.proposedOptions().stream().map(o -> o.day() + " " + firstStart(o, loop)).reduce((a, b) -> a + ", " + b).orElse(""),
                    null);
        } else {
            planning.prepare(request.plan());
            loop.status = Loop.LoopStatus.DRAFT;
            persistNew(loop);
            record(loop, LoopChange.Kind.DRAFTED, "saved as a draft", null);
        }
        return loop;
    }

    /** Books a DRAFT or PROPOSED loop: the option is re-checked against everything as it is now. */
    @Transactional
    public Loop book(UUID id, IfMatch ifMatch, ChosenOption option, SchedulableApplication application) {
        lockPeopleOf(List.of(option));
        Loop loop = require(id);
        ifMatch.check(loop.getVersion());
        if (loop.status != Loop.LoopStatus.DRAFT && loop.status != Loop.LoopStatus.PROPOSED) {
            throw ProblemException.conflict("the loop is " + loop.statusAt(Instant.now()) + "; only DRAFT and PROPOSED loops are booked this way");
        }
        LoopPlanRequest plan = storedPlan(loop);
        LoopPlanApi.ApplicationView applicationView = LoopPlanApi.ApplicationView.of(application);
        PlanContext context = planning.prepare(plan);
        check(plan, option, context, applicationView);
        boolean wasProposed = loop.status == Loop.LoopStatus.PROPOSED && proposed(loop).contains(option);
        loop.status = Loop.LoopStatus.BOOKED;
        loop.proposedOptions = null;
        loop.bookedBy = caller.subject();
        setTimes(loop, option, context);
        bookSessions(loop, option, context, plan, applicationView);
        record(loop, LoopChange.Kind.BOOKED, loop.title + " on " + loop.day + (wasProposed ? " (one of the proposed options)" : ""), null);
        em.flush();
        invites.queue(loop, true, invites.everyone(loop));
        return loop;
    }

    /** Everyone chosen, before anything about them is read: limits then hold across concurrent bookings. */
    private void lockPeopleOf(List<ChosenOption> options) {
        dev.secondround.scheduling.directory.InterviewerLocks.lock(em, caller.tenant(),
                options.stream().flatMap(o -> o.sessions().stream()).flatMap(s -> s.interviewerIds().stream()).toList());
    }

    private void requireNoLiveLoop(SchedulableApplication application) {
        List<Loop> live = em.createQuery("""
                        select l from Loop l where l.applicationId = :application and l.round = :round
                        and l.status in :live""", Loop.class)
                .setParameter("application", application.applicationId()).setParameter("round", application.round())
                .setParameter("live", List.of(Loop.LoopStatus.DRAFT, Loop.LoopStatus.PROPOSED, Loop.LoopStatus.BOOKED))
                .getResultList();
        if (!live.isEmpty()) {
            throw liveLoopExists(live.get(0).getId(), application.round());
        }
    }

    private static ProblemException liveLoopExists(UUID loopId, int round) {
        return ProblemException.conflict("round " + round + " of this application already has a loop (" + loopId
                + "); change or cancel that one");
    }

    private void persistNew(Loop loop) {
        em.persist(loop);
        try {
            em.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if (e.getConstraintName() != null && e.getConstraintName().contains("loop_one_live_per_round")) {
                // Two requests for the same round raced past requireNoLiveLoop: the index decides.
                throw ProblemException.conflict("round " + loop.round + " of this application already has a loop; change or cancel that one");
            }
            throw e;
        }
    }

    private static String firstStart(ChosenOption option, Loop loop) {
        return option.sessions().stream().map(ChosenSession::start).min(Instant::compareTo)
                .map(t -> t.atZone(ZoneId.of(loop.timeZone)).toLocalTime().toString()).orElse("");
    }

    List<ChosenOption> proposed(Loop loop) {
        return loop.proposedOptions == null ? List.of() : List.of(read(loop, loop.proposedOptions, ChosenOption[].class, "options"));
    }

    LoopPlanRequest storedPlan(Loop loop) {
        return read(loop, loop.plan, LoopPlanRequest.class, "plan");
    }

    private <T> T read(Loop loop, String stored, Class<T> type, String what) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored " + what + " of loop " + loop.getId() + " cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void check(LoopPlanRequest plan, ChosenOption option, PlanContext context, LoopPlanApi.ApplicationView application) {
        check(plan, option, context, application, "option");
    }

    /**
     * The option pinned for the engine: every session fixed to its chosen start and people on one day,
     * so whatever the engine would refuse (time off, hours, limits, order, windows, availability) is
     * refused here too (409 with fresh options); options that do not fit the plan at all are 422.
     */
    private void check(LoopPlanRequest plan, ChosenOption option, PlanContext context, LoopPlanApi.ApplicationView application,
                       String base) {
        ZoneId zone = context.loop().zone();
        if (option.day().isBefore(plan.firstDay()) || option.day().isAfter(plan.lastDay())) {
            throw ProblemException.unprocessable(base + ".day", "is outside the plan's days");
        }
        Map<String, SessionRequest> planned = context.sessionsById();
        Set<String> chosenIds = new HashSet<>();
        List<SessionRequest> pinned = new ArrayList<>();
        for (int i = 0; i < option.sessions().size(); i++) {
            ChosenSession chosen = option.sessions().get(i);
            String field = base + ".sessions[" + i + "]";
            SessionRequest session = planned.get(chosen.sessionId());
            if (session == null || !chosenIds.add(chosen.sessionId())) {
                throw ProblemException.unprocessable(field + ".sessionId", "not a session of the plan, or listed twice");
            }
            pinned.add(pin(session, chosen, context, zone, option.day(), field));
        }
        if (!chosenIds.equals(planned.keySet())) {
            throw ProblemException.unprocessable(base + ".sessions", "must contain every session of the plan exactly once");
        }
        LoopRequest check = new LoopRequest(zone, option.day(), option.day(),
                context.loop().candidateAvailability(), pinned, context.loop().orderRules(), 1, java.time.Duration.ofMinutes(5));
        if (planning.run(check, context.directory()) instanceof ScheduleResult.NoOption none) {
            throw new BookingConflictException("this option cannot be booked any more: " + none.explanation().summary()
                    + " " + none.explanation().blockers().stream().map(b -> b.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    plan, application);
        }
    }

    /** The planned session fixed to the chosen start and people; pool picks checked against their pools. */
    private static SessionRequest pin(SessionRequest session, ChosenSession chosen, PlanContext context, ZoneId zone,
                                      java.time.LocalDate day, String field) {
        var start = chosen.start().atZone(zone);
        if (!start.toLocalDate().equals(day)) {
            throw ProblemException.unprocessable(field + ".start", "is not on the option's day in " + zone);
        }
        var end = start.plus(session.duration());
        if (session.window().isPresent()) {
            LocalTimeWindow window = session.window().get();
            if (start.toLocalTime().isBefore(window.from()) || end.toLocalTime().isAfter(window.to())
                    || !end.toLocalDate().equals(day)) {
                throw ProblemException.unprocessable(field + ".start", "the session must lie within " + window.from() + "–" + window.to());
            }
        }
        if (new HashSet<>(chosen.interviewerIds()).size() != chosen.interviewerIds().size()) {
            throw ProblemException.unprocessable(field + ".interviewerIds", "lists someone twice");
        }
        Set<String> people = new HashSet<>();
        for (UUID id : chosen.interviewerIds()) {
            if (!context.people().containsKey(id)) {
                throw ProblemException.unprocessable(field + ".interviewerIds", "no such active interviewer");
            }
            people.add(id.toString());
        }
        if (!people.containsAll(session.people())) {
            throw ProblemException.unprocessable(field + ".interviewerIds", "must include the session's named interviewers");
        }
        Set<String> picks = new HashSet<>(people);
        picks.removeAll(session.people());
        int wanted = session.pools().stream().mapToInt(PoolDemand::count).sum();
        if (picks.size() != wanted) {
            throw ProblemException.unprocessable(field + ".interviewerIds", "must pick " + wanted + " from the session's pools");
        }
        if (assignToPools(new ArrayList<>(picks), session.pools(), context) == null) {
            throw ProblemException.unprocessable(field + ".interviewerIds",
                    "the picks do not match the session's pools and counts");
        }
        if (session.room() == RoomNeed.IN_PERSON) {
            Room room = chosen.roomId() == null ? null : context.rooms().get(chosen.roomId());
            if (room == null || room.kind != Room.Kind.IN_PERSON) {
                throw ProblemException.unprocessable(field + ".roomId", "an in-person session needs one of your active rooms");
            }
            if (room.capacity < people.size() + 1) {
                throw ProblemException.unprocessable(field + ".roomId", room.name + " seats " + room.capacity + ", the session needs "
                        + (people.size() + 1));
            }
        }
        // Pinned: named = everyone chosen, no pool demand, the window exactly the chosen slot.
        return new SessionRequest(session.id(), session.title(), session.kind(), session.duration(), List.copyOf(people),
                List.of(), session.room(), Optional.of(new LocalTimeWindow(start.toLocalTime(), end.toLocalTime())));
    }

    /**
     * Which pool each pick fills, respecting every demand's count ("1 from A and 1 from B" is not two
     * from A); null when impossible. Small backtracking: a session has a handful of picks.
     */
    static Map<String, UUID> assignToPools(List<String> picks, List<PoolDemand> demands, PlanContext context) {
        Map<String, Integer> open = new HashMap<>();
        demands.forEach(d -> open.merge(d.poolId(), d.count(), Integer::sum));
        Map<String, UUID> assigned = new HashMap<>();
        return assign(0, picks, open, assigned, context) ? assigned : null;
    }

    private static boolean assign(int i, List<String> picks, Map<String, Integer> open, Map<String, UUID> assigned, PlanContext context) {
        if (i == picks.size()) {
            return open.values().stream().allMatch(n -> n == 0);
        }
        UUID person = UUID.fromString(picks.get(i));
        for (var demand : open.entrySet()) {
            Pool pool = context.pools().get(UUID.fromString(demand.getKey()));
            if (demand.getValue() > 0 && pool != null && pool.memberIds.contains(person)) {
                demand.setValue(demand.getValue() - 1);
                assigned.put(picks.get(i), pool.getId());
                if (assign(i + 1, picks, open, assigned, context)) {
                    return true;
                }
                assigned.remove(picks.get(i));
                demand.setValue(demand.getValue() + 1);
            }
        }
        return false;
    }

    /** Day, first start and last end of a booked loop (the database insists a BOOKED loop has them). */
    private static void setTimes(Loop loop, ChosenOption option, PlanContext context) {
        Map<String, SessionRequest> planned = context.sessionsById();
        loop.day = option.day();
        loop.startsAt = option.sessions().stream().map(ChosenSession::start).min(Instant::compareTo).orElseThrow();
        loop.endsAt = option.sessions().stream().map(s -> s.start().plus(planned.get(s.sessionId()).duration()))
                .max(Instant::compareTo).orElseThrow();
    }

    /** Writes the option's sessions and the rows the exclusion constraints guard (times set by {@link #setTimes}). */
    private void bookSessions(Loop loop, ChosenOption option, PlanContext context, LoopPlanRequest plan,
                              LoopPlanApi.ApplicationView application) {
        Map<String, SessionRequest> planned = context.sessionsById();
        for (ChosenSession chosen : option.sessions()) {
            SessionRequest session = planned.get(chosen.sessionId());
            LoopSession booked = new LoopSession();
            booked.loopId = loop.getId();
            booked.sessionKey = session.id();
            booked.title = session.title();
            booked.kind = session.kind();
            booked.startsAt = chosen.start();
            booked.endsAt = chosen.start().plus(session.duration());
            booked.venue = switch (session.room()) {
                case IN_PERSON -> "ROOM";
                case VIDEO -> "VIDEO";
                case NONE -> "NONE";
            };
            booked.roomId = session.room() == RoomNeed.IN_PERSON ? chosen.roomId() : null;
            List<String> picks = chosen.interviewerIds().stream().map(UUID::toString).filter(id -> !session.people().contains(id)).toList();
            Map<String, UUID> poolOf = assignToPools(new ArrayList<>(picks), session.pools(), context);
            for (UUID id : chosen.interviewerIds()) {
                Interviewer person = context.people().get(id);
                UUID fromPool = poolOf == null ? null : poolOf.get(id.toString());
                booked.participants.add(new LoopSession.Participant(id, person.fullName, person.title, fromPool));
            }
            em.persist(booked);
        }
        try {
            em.flush();
            for (LoopSession booked : sessionsOf(loop.getId())) {
                insertBookings(booked);
            }
        } catch (RuntimeException e) {
            if (isExclusionViolation(e)) {
                throw new BookingConflictException("someone else was booked into this time a moment ago", plan, application);
            }
            throw e;
        }
    }

    /** The rows the exclusion constraints guard: one per person and one for the room of a session. */
    void insertBookings(LoopSession booked) {
        for (LoopSession.Participant participant : booked.participants) {
            em.createNativeQuery("""
                            insert into interviewer_booking (tenant_id, loop_session_id, interviewer_id, during, counts_as_interview)
                            values (:tenant, :session, :interviewer, tstzrange(:start, :end), :interview)""")
                    .setParameter("tenant", caller.tenant()).setParameter("session", booked.getId())
                    .setParameter("interviewer", participant.interviewerId())
                    .setParameter("start", utc(booked.startsAt)).setParameter("end", utc(booked.endsAt))
                    .setParameter("interview", booked.kind.countsAsInterview())
                    .executeUpdate();
        }
        if (booked.roomId != null) {
            em.createNativeQuery("""
                            insert into room_booking (tenant_id, loop_session_id, room_id, during)
                            values (:tenant, :session, :room, tstzrange(:start, :end))""")
                    .setParameter("tenant", caller.tenant()).setParameter("session", booked.getId())
                    .setParameter("room", booked.roomId)
                    .setParameter("start", utc(booked.startsAt)).setParameter("end", utc(booked.endsAt))
                    .executeUpdate();
        }
    }

    void record(Loop loop, LoopChange.Kind kind, String detail, String reason) {
        LoopChange change = new LoopChange();
        change.loopId = loop.getId();
        change.kind = kind;
        change.detail = detail;
        change.reason = reason;
        change.changedBy = caller.subject();
        em.persist(change);
        // Every change of a loop passes here, so the feedback service hears of each one (the sync ignores
        // loops that were never booked: drafts and proposals have no day).
        feedbackSync.queue(loop);
    }

    @Transactional
    public Loop cancel(UUID id, IfMatch ifMatch, String reason) {
        Loop loop = require(id);
        ifMatch.check(loop.getVersion());
        if (loop.status == Loop.LoopStatus.CANCELLED) {
            throw ProblemException.conflict("the loop is already cancelled");
        }
        if (loop.statusAt(Instant.now()) == Loop.LoopStatus.COMPLETED) {
            throw ProblemException.conflict("the loop has taken place; it cannot be cancelled any more");
        }
        deleteBookings(sessionsOf(id).stream().map(LoopSession::getId).toList());
        loop.status = Loop.LoopStatus.CANCELLED;
        loop.cancelledReason = reason.strip();
        record(loop, LoopChange.Kind.CANCELLED, "cancelled", loop.cancelledReason);
        loop.proposedOptions = null;
        if (loop.day != null) {
            // It was booked: everyone invited gets the cancellation.
            invites.queue(loop, true, invites.everyone(loop));
        }
        em.flush();
        return loop;
    }

    @Transactional
    public Loop require(UUID id) {
        Loop loop = em.find(Loop.class, id);
        if (loop == null) {
            throw ProblemException.notFound("loop");
        }
        return loop;
    }

    @Transactional
    public Page<Loop> list(UUID applicationId, Loop.LoopStatus status, PageParams page) {
        Instant now = Instant.now();
        KeysetQuery<Loop> query = KeysetQuery.of(Loop.class)
                .andIf(applicationId != null, "e.applicationId = :applicationId", "applicationId", applicationId);
        if (status != null) {
            // IN_PROGRESS and COMPLETED are BOOKED loops seen against the clock (Loop#statusAt).
            Loop.LoopStatus stored = switch (status) {
                case IN_PROGRESS, COMPLETED -> Loop.LoopStatus.BOOKED;
                default -> status;
            };
            query.and("e.status = :status", "status", stored);
            switch (status) {
                case BOOKED -> query.and("e.startsAt > :now", "now", now);
                case IN_PROGRESS -> query.and("e.startsAt <= :now and e.endsAt > :now", "now", now);
                case COMPLETED -> query.and("e.endsAt <= :now", "now", now);
                default -> {
                }
            }
        }
        return query.page(em, page);
    }

    @Transactional
    public LoopView view(Loop loop) {
        return new LoopView(loop.getId(), loop.applicationId, loop.round, loop.roundName,
                new LoopApi.CandidateView(loop.candidateId, loop.candidateName, loop.candidateEmail),
                new LoopApi.JobView(loop.jobId, loop.jobTitle),
                loop.title, loop.timeZone, loop.day, loop.statusAt(Instant.now()), loop.startsAt, loop.endsAt,
                loop.cancelledReason,
                sessionsOf(loop.getId()).stream().map(s -> new SessionView(s.sessionKey, s.title, s.kind, s.startsAt, s.endsAt,
                        s.venue, s.roomId, s.participants)).toList(),
                loop.status == Loop.LoopStatus.PROPOSED ? proposed(loop) : null,
                loop.getCreatedAt(), loop.getUpdatedAt(), loop.getVersion());
    }

    /** Frees the people and rooms of these sessions (cancel, or before re-checking a session). */
    void deleteBookings(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from interviewer_booking where tenant_id = :tenant and loop_session_id in (:ids)")
                .setParameter("tenant", caller.tenant()).setParameter("ids", sessionIds).executeUpdate();
        em.createNativeQuery("delete from room_booking where tenant_id = :tenant and loop_session_id in (:ids)")
                .setParameter("tenant", caller.tenant()).setParameter("ids", sessionIds).executeUpdate();
    }

    /** A loop's sessions in the order the candidate attends them. */
    List<LoopSession> sessionsOf(UUID loopId) {
        return em.createQuery("select s from LoopSession s where s.loopId = :loop order by s.startsAt", LoopSession.class)
                .setParameter("loop", loopId).getResultList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static boolean isExclusionViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
