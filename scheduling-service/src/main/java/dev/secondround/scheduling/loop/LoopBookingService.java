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
import dev.secondround.scheduling.loop.LoopApi.BookLoopRequest;
import dev.secondround.scheduling.loop.LoopApi.ChosenSession;
import dev.secondround.scheduling.loop.LoopApi.LoopView;
import dev.secondround.scheduling.loop.LoopApi.SessionView;
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
    private final Caller caller;
    private final ObjectMapper json;

    public LoopBookingService(EntityManager em, LoopPlanningService planning, Caller caller, ObjectMapper json) {
        this.em = em;
        this.planning = planning;
        this.caller = caller;
        this.json = json;
    }

    @Transactional
    public Loop book(BookLoopRequest request) {
        // Everyone chosen, before anything about them is read: limits then hold across concurrent bookings.
        dev.secondround.scheduling.directory.InterviewerLocks.lock(em, caller.tenant(),
                request.option().sessions().stream().flatMap(s -> s.interviewerIds().stream()).toList());
        PlanContext context = planning.prepare(request.plan());
        ZoneId zone = context.loop().zone();
        if (request.option().day().isBefore(request.plan().firstDay()) || request.option().day().isAfter(request.plan().lastDay())) {
            throw ProblemException.unprocessable("option.day", "is outside the plan's days");
        }
        Map<String, SessionRequest> planned = new HashMap<>();
        context.loop().sessions().forEach(s -> planned.put(s.id(), s));
        Set<String> chosenIds = new HashSet<>();
        List<SessionRequest> pinned = new ArrayList<>();
        for (int i = 0; i < request.option().sessions().size(); i++) {
            ChosenSession chosen = request.option().sessions().get(i);
            String field = "option.sessions[" + i + "]";
            SessionRequest session = planned.get(chosen.sessionId());
            if (session == null || !chosenIds.add(chosen.sessionId())) {
                throw ProblemException.unprocessable(field + ".sessionId", "not a session of the plan, or listed twice");
            }
            pinned.add(pin(session, chosen, context, zone, request.option().day(), field));
        }
        if (!chosenIds.equals(planned.keySet())) {
            throw ProblemException.unprocessable("option.sessions", "must contain every session of the plan exactly once");
        }
        LoopRequest check = new LoopRequest(zone, request.option().day(), request.option().day(),
                context.loop().candidateAvailability(), pinned, context.loop().orderRules(), 1, java.time.Duration.ofMinutes(5));
        if (planning.run(check, context.directory()) instanceof ScheduleResult.NoOption none) {
            throw new BookingConflictException("this option cannot be booked any more: " + none.explanation().summary()
                    + " " + none.explanation().blockers().stream().map(b -> b.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    request.plan());
        }
        return persist(request, context, zone);
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

    private Loop persist(BookLoopRequest request, PlanContext context, ZoneId zone) {
        Loop loop = new Loop();
        loop.applicationId = request.applicationId();
        loop.title = request.title().strip();
        loop.timeZone = zone.getId();
        loop.day = request.option().day();
        loop.bookedBy = caller.subject();
        try {
            loop.plan = json.writeValueAsString(request.plan());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.persist(loop);
        Map<String, SessionRequest> planned = new HashMap<>();
        context.loop().sessions().forEach(s -> planned.put(s.id(), s));
        for (ChosenSession chosen : request.option().sessions()) {
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
                throw new BookingConflictException("someone else was booked into this time a moment ago", request.plan());
            }
            throw e;
        }
        record(loop, LoopChange.Kind.BOOKED, loop.title + " on " + loop.day, null);
        return loop;
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
    }

    @Transactional
    public Loop cancel(UUID id, IfMatch ifMatch, String reason) {
        Loop loop = require(id);
        ifMatch.check(loop.getVersion());
        if (loop.status == Loop.LoopStatus.CANCELLED) {
            throw ProblemException.conflict("the loop is already cancelled");
        }
        deleteBookings(sessionsOf(id).stream().map(LoopSession::getId).toList());
        loop.status = Loop.LoopStatus.CANCELLED;
        loop.cancelledReason = reason.strip();
        record(loop, LoopChange.Kind.CANCELLED, "cancelled", loop.cancelledReason);
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
        return KeysetQuery.of(Loop.class)
                .andIf(applicationId != null, "e.applicationId = :applicationId", "applicationId", applicationId)
                .andIf(status != null, "e.status = :status", "status", status)
                .page(em, page);
    }

    @Transactional
    public LoopView view(Loop loop) {
        return new LoopView(loop.getId(), loop.applicationId, loop.title, loop.timeZone, loop.day, loop.status,
                loop.cancelledReason,
                sessionsOf(loop.getId()).stream().map(s -> new SessionView(s.sessionKey, s.title, s.kind, s.startsAt, s.endsAt,
                        s.venue, s.roomId, s.participants)).toList(),
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
