package dev.secondround.feedback.completeness;

import dev.secondround.feedback.access.FeedbackAccess;
import dev.secondround.feedback.completeness.FeedbackStatusApi.Counts;
import dev.secondround.feedback.completeness.FeedbackStatusApi.FeedbackStatus;
import dev.secondround.feedback.completeness.FeedbackStatusApi.LoopSummary;
import dev.secondround.feedback.completeness.FeedbackStatusApi.ParticipantStatus;
import dev.secondround.feedback.loop.FeedbackLoop;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.feedback.request.FeedbackRequest.Status;
import dev.secondround.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who has and has not given feedback, for a loop or an application: counts and each participant's
 * state with reminders and escalation, never a rating or a recommendation. Coordinators, recruiters,
 * tenant admins and integrations see every loop; a hiring manager the loops of the jobs they manage;
 * anyone else (and any other tenant) gets 404, as for a loop that does not exist.
 * Three queries at most whatever the number of participants: the loops, the hiring manager check, and
 * the requests with their first submission and escalation joined.
 */
@ApplicationScoped
@Transactional
public class FeedbackStatusService {

    private final EntityManager em;
    private final FeedbackAccess access;

    public FeedbackStatusService(EntityManager em, FeedbackAccess access) {
        this.em = em;
        this.access = access;
    }

    public FeedbackStatus ofLoop(UUID loopId) {
        List<FeedbackLoop> loops = em.createQuery("select l from FeedbackLoop l where l.loopId = :loop", FeedbackLoop.class)
                .setParameter("loop", loopId).getResultList();
        requireVisible(loops, "loop");
        FeedbackLoop loop = loops.get(0);
        List<Object[]> rows = rows("r.loopId = :loop", Map.of("loop", loopId));
        return status(loop.applicationId, loopId, null, loop, loops, rows);
    }

    public FeedbackStatus ofApplication(UUID applicationId, Integer round) {
        List<FeedbackLoop> loops = em.createQuery("""
                        select l from FeedbackLoop l where l.applicationId = :application
                        order by l.round, l.startsAt, l.loopId""", FeedbackLoop.class)
                .setParameter("application", applicationId).getResultList();
        requireVisible(loops, "application");
        FeedbackLoop first = loops.get(0);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("application", applicationId);
        String where = "r.applicationId = :application";
        if (round != null) {
            where += " and r.round = :round";
            parameters.put("round", round);
            loops = loops.stream().filter(l -> round.equals(l.round)).toList();
        }
        return status(applicationId, null, round, first, loops, rows(where, parameters));
    }

    /** 404 unless the caller chases feedback tenant-wide or manages the job the loops are for. */
    private void requireVisible(List<FeedbackLoop> loops, String what) {
        if (loops.isEmpty()) {
            throw ProblemException.notFound(what);
        }
        if (access.tracksRequests()) {
            return;
        }
        UUID jobId = loops.stream().map(l -> l.jobId).filter(Objects::nonNull).findFirst().orElse(null);
        if (!access.managesJob(jobId)) {
            throw ProblemException.notFound(what);
        }
    }

    /** The requests with their first submission time and their escalation, if any: one row per request. */
    private List<Object[]> rows(String where, Map<String, Object> parameters) {
        TypedQuery<Object[]> query = em.createQuery("""
                select r, rev.createdAt, n.recipientName, n.outboxId, n.notSentReason
                from FeedbackRequest r
                left join Scorecard s on s.requestId = r.id and s.status = 'SUBMITTED'
                left join ScorecardRevision rev on rev.scorecardId = s.id and rev.revision = 1
                left join FeedbackNotification n on n.requestId = r.id and n.kind = 'ESCALATION'
                where\s""" + where, Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** {@code first}: the loop naming the candidate and job; {@code loops}: the loops counted. */
    private static FeedbackStatus status(UUID applicationId, UUID loopId, Integer round, FeedbackLoop first, List<FeedbackLoop> loops,
                                         List<Object[]> rows) {
        Instant now = Instant.now();
        Map<UUID, Integer> loopOrder = new HashMap<>();
        loops.forEach(l -> loopOrder.putIfAbsent(l.loopId, loopOrder.size()));
        Map<UUID, ParticipantStatus> byRequest = new LinkedHashMap<>();
        Map<UUID, Instant> firstSession = new HashMap<>();
        for (Object[] row : rows) {
            FeedbackRequest r = (FeedbackRequest) row[0];
            if (byRequest.containsKey(r.getId())) {
                continue;
            }
            boolean overdue = r.isOverdue(now);
            Duration late = overdue ? Duration.between(r.dueAt, now).truncatedTo(ChronoUnit.MINUTES) : null;
            boolean escalationMailed = row[3] != null;
            byRequest.put(r.getId(), new ParticipantStatus(r.getId(), r.loopId, r.round, r.interviewerId, r.participantName,
                    r.participantTitle, r.roleKind, r.participantEmail, r.form, r.status, r.dueAt, overdue,
                    late == null ? null : late.toString(), late == null ? null : late.toHours(),
                    r.remindersSent, r.lastRemindedAt, r.escalatedAt, escalationMailed ? (String) row[2] : null,
                    escalationMailed ? null : (String) row[4], r.status == Status.SUBMITTED ? (Instant) row[1] : null, r.withdrawnReason));
            firstSession.put(r.getId(), r.firstSessionStart().orElse(Instant.MAX));
        }
        List<ParticipantStatus> participants = new ArrayList<>(byRequest.values());
        participants.sort(Comparator.<ParticipantStatus>comparingInt(p -> loopOrder.getOrDefault(p.loopId(), Integer.MAX_VALUE))
                .thenComparing(p -> firstSession.get(p.requestId()))
                .thenComparing(ParticipantStatus::name));
        int submitted = 0;
        int outstanding = 0;
        int overdue = 0;
        int withdrawn = 0;
        for (ParticipantStatus p : participants) {
            switch (p.status()) {
                case SUBMITTED -> submitted++;
                case OPEN -> {
                    outstanding++;
                    overdue += p.overdue() ? 1 : 0;
                }
                case WITHDRAWN -> withdrawn++;
            }
        }
        return new FeedbackStatus(applicationId, loopId, round, first.candidateName, first.jobId, first.jobTitle,
                loops.stream().map(l -> new LoopSummary(l.loopId, l.round, l.roundName, l.status.name(), l.day, l.timeZone)).toList(),
                new Counts(submitted + outstanding, submitted, outstanding, overdue, withdrawn), participants, now);
    }
}
