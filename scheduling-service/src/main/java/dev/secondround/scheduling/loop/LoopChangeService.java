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
import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopOption;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.Participant;
import dev.secondround.scheduling.engine.PoolDemand;
import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.ScheduleResult;
import dev.secondround.scheduling.engine.SessionRequest;
import dev.secondround.scheduling.engine.TimeSpan;
import dev.secondround.scheduling.planning.LoopPlanApi.LoopPlanRequest;
import dev.secondround.scheduling.planning.LoopPlanningService;
import dev.secondround.scheduling.planning.LoopPlanningService.PlanContext;
import dev.secondround.scheduling.pool.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Changes to a booked loop without rebooking it. When someone drops out (vacation, illness), each of
 * their sessions gets a replacement from the same pool (or the person the coordinator names), checked
 * by the engine pinned to that session's time, with everyone else and the room left as they are.
 * Every change is recorded and raises the loop's version, so updated invites carry a higher SEQUENCE.
 */
@ApplicationScoped
public class LoopChangeService {

    private static final String CANDIDATES_POOL = "replacement-candidates";

    private final EntityManager em;
    @jakarta.inject.Inject
    LoopInvites invites;
    private final LoopBookingService loops;
    private final LoopPlanningService planning;
    private final Caller caller;
    private final ObjectMapper json;

    public LoopChangeService(EntityManager em, LoopBookingService loops, LoopPlanningService planning, Caller caller, ObjectMapper json) {
        this.em = em;
        this.loops = loops;
        this.planning = planning;
        this.caller = caller;
        this.json = json;
    }

    @Transactional
    public Loop replace(UUID loopId, IfMatch ifMatch, UUID leaving, UUID named, String reason) {
        Loop loop = loops.require(loopId);
        ifMatch.check(loop.getVersion());
        requireNotStarted(loop);
        List<LoopSession> affected = loops.sessionsOf(loopId).stream()
                .filter(s -> s.participants.stream().anyMatch(p -> p.interviewerId().equals(leaving))).toList();
        if (affected.isEmpty()) {
            throw ProblemException.unprocessable("interviewerId", "is not in this loop");
        }
        LoopPlanRequest plan = loops.storedPlan(loop);
        ZoneId zone = ZoneId.of(loop.timeZone);
        Set<UUID> involved = new java.util.TreeSet<>();
        affected.forEach(s -> s.participants.forEach(p -> involved.add(p.interviewerId())));
        if (named != null) {
            involved.add(named);
        }
        dev.secondround.scheduling.directory.InterviewerLocks.lock(em, caller.tenant(), involved);
        List<String> done = new ArrayList<>();
        for (LoopSession session : affected) {
            // Free the session's slots first, so the people staying do not count as busy with themselves.
            loops.deleteBookings(List.of(session.getId()));
            em.flush();
            PlanContext context = planning.directoryFor(plan);
            if (session.roomId != null && !context.rooms().containsKey(session.roomId)) {
                throw ProblemException.conflict("the room of " + session.title + " is no longer in use; rebook the loop");
            }
            LoopSession.Participant out = session.participants.stream().filter(p -> p.interviewerId().equals(leaving)).findFirst().orElseThrow();
            Set<UUID> staying = new LinkedHashSet<>();
            session.participants.stream().map(LoopSession.Participant::interviewerId).filter(id -> !id.equals(leaving)).forEach(staying::add);
            List<UUID> candidates = candidates(context, out, named, staying);
            UUID replacement = pick(context, session, zone, staying, candidates);
            Interviewer person = context.people().get(replacement);
            List<LoopSession.Participant> participants = new ArrayList<>();
            for (LoopSession.Participant p : session.participants) {
                participants.add(p.interviewerId().equals(leaving)
                        ? new LoopSession.Participant(replacement, person.fullName, person.title, out.fromPoolId()) : p);
            }
            session.participants = participants;
            List<LoopSession.Participant> former = new ArrayList<>(session.formerParticipants);
            former.add(out);
            session.formerParticipants = former;
            em.flush();
            try {
                loops.insertBookings(session);
            } catch (RuntimeException e) {
                if (LoopBookingService.isExclusionViolation(e)) {
                    throw ProblemException.conflict(person.fullName + " was booked elsewhere a moment ago; try again");
                }
                throw e;
            }
            done.add(out.fullName() + " → " + person.fullName + " in " + session.title);
        }
        loops.record(loop, LoopChange.Kind.PARTICIPANT_REPLACED, String.join("; ", done), reason);
        // The candidate's itinerary names the new person; the one who left gets the CANCEL, the new one the REQUEST.
        invites.queue(loop, true, LoopInvites.peopleIn(affected));
        em.lock(loop, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        return loop;
    }

    /**
     * Someone cannot make it at their booked time any more, but the rest of the loop stands: only the
     * sessions they are in move, to other times on the same day, with the same people; everything
     * else stays exactly where it is. The engine decides, with the moving sessions free and the others
     * pinned, so every rule of the plan still holds (hours, limits, order, windows, the candidate).
     */
    @Transactional
    public Loop move(UUID loopId, IfMatch ifMatch, UUID unavailable, List<String> onlySessions, String reason) {
        Loop loop = loops.require(loopId);
        ifMatch.check(loop.getVersion());
        requireNotStarted(loop);
        List<LoopSession> sessions = loops.sessionsOf(loopId);
        List<LoopSession> moving = sessions.stream()
                .filter(s -> s.participants.stream().anyMatch(p -> p.interviewerId().equals(unavailable)))
                .filter(s -> onlySessions == null || onlySessions.isEmpty() || onlySessions.contains(s.sessionKey))
                .toList();
        if (moving.isEmpty()) {
            throw ProblemException.unprocessable("interviewerId", "is in none of the sessions to move");
        }
        Set<UUID> involved = new java.util.TreeSet<>();
        sessions.forEach(s -> s.participants.forEach(p -> involved.add(p.interviewerId())));
        dev.secondround.scheduling.directory.InterviewerLocks.lock(em, caller.tenant(), involved);
        // Free the whole loop inside this transaction, so nobody in it counts as busy with the loop itself.
        loops.deleteBookings(sessions.stream().map(LoopSession::getId).toList());
        em.flush();
        LoopPlanRequest plan = loops.storedPlan(loop);
        ZoneId zone = ZoneId.of(loop.timeZone);
        PlanContext context = planning.directoryFor(plan);
        Map<String, dev.secondround.scheduling.planning.LoopPlanApi.Session> planned = new java.util.HashMap<>();
        plan.sessions().forEach(s -> planned.put(s.id(), s));
        List<SessionRequest> requests = new ArrayList<>();
        for (LoopSession session : sessions) {
            boolean moves = moving.contains(session);
            Optional<LocalTimeWindow> window;
            if (moves) {
                var own = planned.get(session.sessionKey) == null ? null : planned.get(session.sessionKey).window();
                window = own == null ? Optional.empty() : Optional.of(new LocalTimeWindow(own.from(), own.to()));
            } else {
                window = Optional.of(new LocalTimeWindow(session.startsAt.atZone(zone).toLocalTime(), session.endsAt.atZone(zone).toLocalTime()));
            }
            // A session that stays keeps its room: the engine sees the room as taken then, not as a need to fill.
            requests.add(new SessionRequest(session.sessionKey, session.title, session.kind,
                    java.time.Duration.between(session.startsAt, session.endsAt),
                    session.participants.stream().map(p -> p.interviewerId().toString()).toList(), List.of(),
                    moves ? roomNeed(session) : RoomNeed.NONE, window));
        }
        for (LoopSession.Participant p : sessions.stream().flatMap(s -> s.participants.stream()).toList()) {
            if (!context.people().containsKey(p.interviewerId())) {
                throw ProblemException.conflict(p.fullName() + " is no longer an active interviewer; replace them first");
            }
        }
        // The person who cannot make it is busy at the times they were booked for.
        String who = unavailable.toString();
        List<dev.secondround.scheduling.engine.Interviewer> people = context.directory().people().stream().map(person -> {
            if (!person.id().equals(who)) {
                return person;
            }
            List<dev.secondround.scheduling.engine.BusyBlock> busy = new ArrayList<>(person.busy());
            moving.forEach(s -> busy.add(dev.secondround.scheduling.engine.BusyBlock.booked(s.startsAt, s.endsAt)));
            return new dev.secondround.scheduling.engine.Interviewer(person.id(), person.displayName(), person.zone(),
                    person.workingHours(), person.limits(), busy, person.interviewsBookedPerDay());
        }).toList();
        List<dev.secondround.scheduling.engine.Room> rooms = context.directory().rooms().stream().map(room -> {
            List<TimeSpan> held = sessions.stream()
                    .filter(s -> !moving.contains(s) && s.roomId != null && s.roomId.toString().equals(room.id()))
                    .map(s -> new TimeSpan(s.startsAt, s.endsAt)).toList();
            if (held.isEmpty()) {
                return room;
            }
            List<TimeSpan> busy = new ArrayList<>(room.busy());
            busy.addAll(held);
            return new dev.secondround.scheduling.engine.Room(room.id(), room.name(), room.capacity(), busy);
        }).toList();
        Directory directory = new Directory(people, context.directory().pools(), rooms);
        int grid = plan.granularityMinutes() == null ? 5 : plan.granularityMinutes();
        LoopRequest request = new LoopRequest(zone, loop.day, loop.day,
                plan.candidateAvailability().stream().map(w -> new TimeSpan(w.start(), w.end())).toList(),
                requests, LoopPlanningService.rules(plan), 1, java.time.Duration.ofMinutes(grid));
        ScheduleResult result = planning.run(request, directory);
        if (result instanceof ScheduleResult.NoOption none) {
            throw ProblemException.conflict("these sessions cannot move within " + loop.day + " with everything else kept: "
                    + none.explanation().blockers().stream().map(b -> b.message()).reduce((a, b) -> a + "; " + b)
                    .orElse(none.explanation().summary()) + ". Replace the person instead, or cancel and rebook the loop.");
        }
        LoopOption option = ((ScheduleResult.Options) result).options().get(0);
        List<String> done = new ArrayList<>();
        for (LoopSession session : moving) {
            var placed = option.sessions().stream().filter(s -> s.sessionId().equals(session.sessionKey)).findFirst().orElseThrow();
            String before = session.startsAt.atZone(zone).toLocalTime() + "–" + session.endsAt.atZone(zone).toLocalTime();
            session.startsAt = placed.start();
            session.endsAt = placed.end();
            if (placed.venue() instanceof dev.secondround.scheduling.engine.Venue.InRoom room) {
                session.roomId = UUID.fromString(room.roomId());
            }
            done.add(session.title + " " + before + " → " + placed.start().atZone(zone).toLocalTime() + "–"
                    + placed.end().atZone(zone).toLocalTime());
        }
        em.flush();
        try {
            for (LoopSession session : sessions) {
                loops.insertBookings(session);
            }
        } catch (RuntimeException e) {
            if (LoopBookingService.isExclusionViolation(e)) {
                throw ProblemException.conflict("someone in the loop was booked elsewhere a moment ago; try again");
            }
            throw e;
        }
        loop.startsAt = sessions.stream().map(s -> s.startsAt).min(java.time.Instant::compareTo).orElseThrow();
        loop.endsAt = sessions.stream().map(s -> s.endsAt).max(java.time.Instant::compareTo).orElseThrow();
        long before = loop.getVersion();
        loops.record(loop, LoopChange.Kind.SESSIONS_MOVED, String.join("; ", done), reason);
        Set<UUID> told = new java.util.TreeSet<>();
        moving.forEach(s -> s.participants.forEach(p -> told.add(p.interviewerId())));
        invites.queue(loop, true, told);
        em.flush();
        if (loop.getVersion() == before) {
            // The loop's own times did not change (a session moved inside them): still a new version for ETags and SEQUENCE.
            em.lock(loop, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
        }
        return loop;
    }

    /** Replacements and moves change booked loops that have not started; anything else is a 409. */
    private static void requireNotStarted(Loop loop) {
        Loop.LoopStatus now = loop.statusAt(java.time.Instant.now());
        if (now != Loop.LoopStatus.BOOKED) {
            throw ProblemException.conflict("the loop is " + now + "; only booked loops that have not started change");
        }
    }

    private static RoomNeed roomNeed(LoopSession session) {
        return switch (session.venue) {
            case "ROOM" -> RoomNeed.IN_PERSON;
            case "VIDEO" -> RoomNeed.VIDEO;
            default -> RoomNeed.NONE;
        };
    }

    @Transactional
    public Page<LoopChange> changes(UUID loopId, PageParams page) {
        loops.require(loopId);
        return KeysetQuery.of(LoopChange.class).and("e.loopId = :loop", "loop", loopId).page(em, page);
    }

    private List<UUID> candidates(PlanContext context, LoopSession.Participant out, UUID named, Set<UUID> staying) {
        if (named != null) {
            if (!context.people().containsKey(named)) {
                throw ProblemException.unprocessable("replacementId", "no such active interviewer");
            }
            if (named.equals(out.interviewerId()) || staying.contains(named)) {
                throw ProblemException.unprocessable("replacementId", "is already in the session");
            }
            return List.of(named);
        }
        List<Pool> pools = out.fromPoolId() != null && context.pools().containsKey(out.fromPoolId())
                ? List.of(context.pools().get(out.fromPoolId()))
                : context.pools().values().stream().filter(p -> p.memberIds.contains(out.interviewerId())).toList();
        List<UUID> candidates = pools.stream().flatMap(p -> p.memberIds.stream()).distinct()
                .filter(id -> context.people().containsKey(id) && !id.equals(out.interviewerId()) && !staying.contains(id))
                .toList();
        if (candidates.isEmpty()) {
            throw ProblemException.unprocessable("replacementId",
                    out.fullName() + " is in no pool with anyone else; name a replacement");
        }
        return candidates;
    }

    /** The engine, pinned to the session's slot, picks among the candidates (fairest load first). */
    private UUID pick(PlanContext context, LoopSession session, ZoneId zone, Set<UUID> staying, List<UUID> candidates) {
        var start = session.startsAt.atZone(zone);
        var end = session.endsAt.atZone(zone);
        RoomNeed room = roomNeed(session);
        SessionRequest pinned = new SessionRequest(session.sessionKey, session.title, session.kind,
                java.time.Duration.between(session.startsAt, session.endsAt), staying.stream().map(UUID::toString).toList(),
                List.of(new PoolDemand(CANDIDATES_POOL, 1)), room,
                Optional.of(new LocalTimeWindow(start.toLocalTime(), end.toLocalTime())));
        List<dev.secondround.scheduling.engine.Pool> pools = new ArrayList<>(context.directory().pools());
        pools.add(new dev.secondround.scheduling.engine.Pool(CANDIDATES_POOL, "replacement candidates",
                candidates.stream().map(UUID::toString).toList()));
        Directory directory = new Directory(context.directory().people(), pools, context.directory().rooms());
        LoopRequest check = new LoopRequest(zone, start.toLocalDate(), start.toLocalDate(),
                List.of(new TimeSpan(session.startsAt, session.endsAt)), List.of(pinned), List.of(), 1, java.time.Duration.ofMinutes(5));
        ScheduleResult result = planning.run(check, directory);
        if (result instanceof ScheduleResult.NoOption) {
            // Say, for each person who could have stepped in, why they cannot: that is what the coordinator acts on.
            List<String> reasons = new ArrayList<>();
            for (UUID candidate : candidates.stream().limit(10).toList()) {
                List<String> people = new ArrayList<>(pinned.people());
                people.add(candidate.toString());
                SessionRequest alone = new SessionRequest(pinned.id(), pinned.title(), pinned.kind(), pinned.duration(), people,
                        List.of(), pinned.room(), pinned.window());
                String name = context.people().get(candidate).fullName;
                if (planning.run(check.withSessions(List.of(alone)), directory) instanceof ScheduleResult.NoOption none) {
                    reasons.add(none.explanation().blockers().stream().map(b -> b.message()).filter(m -> m.contains(name))
                            .findFirst().orElse(name + " is not free then"));
                }
            }
            throw ProblemException.conflict("nobody can replace them in " + session.title + " at that time: " + String.join("; ", reasons));
        }
        LoopOption option = ((ScheduleResult.Options) result).options().get(0);
        return option.sessions().get(0).participants().stream()
                .filter(p -> p.fromPool().map(CANDIDATES_POOL::equals).orElse(false))
                .map(Participant::personId).map(UUID::fromString).findFirst().orElseThrow();
    }
}
