package dev.secondround.feedback.decision;

import dev.secondround.feedback.access.FeedbackAccess;
import dev.secondround.feedback.decision.Decision.DeliveryStatus;
import dev.secondround.feedback.decision.Decision.Outcome;
import dev.secondround.feedback.decision.DecisionApi.DecisionRequest;
import dev.secondround.feedback.loop.FeedbackLoop;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.platform.outbox.Outbox;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;
import dev.secondround.platform.security.Caller;
import dev.secondround.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Recording decisions and queueing them for the candidate service. Decisions are made on
 * applications the feedback service knows from an interview loop: that is where the job (and so its
 * hiring manager) and the rounds come from. Who may decide: the job's hiring manager once their own
 * scorecard is in, and recruiters or tenant admins acting for the client; integrations read.
 * Anyone else gets 404, as for an application without feedback.
 */
@ApplicationScoped
@Transactional
public class DecisionService {

    /** One body for "no such application here", "not yours" and "another tenant's": nothing to tell apart. */
    static final String NO_FEEDBACK = "application feedback not found: decisions are recorded for applications with an "
            + "interview loop, by the job's hiring manager or a recruiter";

    private final EntityManager em;
    private final FeedbackAccess access;
    private final Caller caller;
    private final Outbox outbox;

    public DecisionService(EntityManager em, FeedbackAccess access, Caller caller, Outbox outbox) {
        this.em = em;
        this.access = access;
        this.caller = caller;
        this.outbox = outbox;
    }

    public Decision decide(UUID applicationId, DecisionRequest body) {
        List<FeedbackLoop> loops = lockApplication(applicationId);
        UUID jobId = jobOf(loops);
        if (loops.isEmpty() || !(decidesForClient() || access.managesJob(jobId))) {
            throw new ProblemException(ProblemType.NOT_FOUND, NO_FEEDBACK);
        }
        if (!decidesForClient()) {
            requireOwnScorecardIn(applicationId);
        }
        Integer round = roundOf(loops, body);
        pending(applicationId).ifPresent(earlier -> {
            throw ProblemException.conflict("the decision of " + earlier.getCreatedAt() + " (" + earlier.outcome
                    + ") is still being applied to the application's stage; decide again once its delivery is APPLIED, REFUSED or FAILED");
        });

        Decision decision = new Decision();
        decision.applicationId = applicationId;
        decision.jobId = jobId;
        decision.round = round;
        decision.outcome = body.outcome();
        decision.rationale = body.rationale().strip();
        decision.decidedBySubject = caller.subject();
        decision.decidedByName = caller.displayName();
        decision.deliveryStatus = DeliveryStatus.PENDING;
        em.persist(decision);
        em.flush();
        // Same transaction: the stage change is queued exactly when the decision exists.
        outbox.enqueue(StageDelivery.TOPIC, new StageDelivery.Payload(decision.getId()));
        return decision;
    }

    /** The decisions on one application (oldest change first, like every list; updatedSince to sync). */
    public Page<Decision> list(UUID applicationId, PageParams page) {
        List<FeedbackLoop> loops = loopsOf(applicationId);
        if (loops.isEmpty() || !(access.readsAll() || access.managesJob(jobOf(loops)))) {
            throw new ProblemException(ProblemType.NOT_FOUND, NO_FEEDBACK);
        }
        return KeysetQuery.of(Decision.class).and("e.applicationId = :application", "application", applicationId).page(em, page);
    }

    /** Across applications, e.g. every decision whose delivery FAILED; hiring managers see their jobs' only. */
    public Page<Decision> search(DeliveryStatus status, UUID jobId, PageParams page) {
        KeysetQuery<Decision> query = KeysetQuery.of(Decision.class)
                .andIf(status != null, "e.deliveryStatus = :status", "status", status)
                .andIf(jobId != null, "e.jobId = :job", "job", jobId);
        if (!access.readsAll()) {
            List<UUID> managed = access.managedJobs();
            if (managed.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            query.and("e.jobId in :managed", "managed", managed);
        }
        return query.page(em, page);
    }

    public Decision read(UUID decisionId) {
        Decision decision = em.find(Decision.class, decisionId);
        if (decision == null || !(access.readsAll() || access.managesJob(decision.jobId))) {
            throw ProblemException.notFound("decision");
        }
        return decision;
    }

    /** Whether the caller must not read this decision's rationale yet: it sums up a panel they still owe their opinion to. */
    public boolean hidesRationale(Decision decision) {
        return !access.readsAll() && access.panelView(decision.applicationId, decision.jobId) != FeedbackAccess.PanelView.ALL;
    }

    /** Queues a FAILED delivery again (the candidate service is back, a client was configured...). */
    public Decision redeliver(UUID decisionId) {
        Decision found = em.find(Decision.class, decisionId);
        if (found == null || !(decidesForClient() || access.managesJob(found.jobId))) {
            throw ProblemException.notFound("decision");
        }
        // The application's lock first, as decide() takes it: a re-queue and a new decision never both end PENDING.
        lockApplication(found.applicationId);
        Decision decision = found;
        em.refresh(decision, LockModeType.PESSIMISTIC_WRITE);
        if (decision.deliveryStatus != DeliveryStatus.FAILED) {
            throw ProblemException.conflict("only a FAILED delivery can be queued again; this one is " + decision.deliveryStatus
                    + (decision.deliveryStatus == DeliveryStatus.REFUSED ? " by the candidate service's stage rules, which a retry would not change" : ""));
        }
        // An older decision must not overwrite what a later one did (or is doing) to the stage.
        Optional<Decision> later = em.createQuery("""
                        select d from Decision d where d.applicationId = :application and d.createdAt > :created
                        order by d.createdAt desc""", Decision.class)
                .setParameter("application", decision.applicationId).setParameter("created", decision.getCreatedAt())
                .setMaxResults(1).getResultStream().findFirst();
        if (later.isPresent()) {
            throw ProblemException.conflict("a later decision (" + later.get().outcome + ", " + later.get().getCreatedAt()
                    + ") supersedes this one; it is not applied any more");
        }
        decision.deliveryStatus = DeliveryStatus.PENDING;
        em.flush();
        outbox.enqueue(StageDelivery.TOPIC, new StageDelivery.Payload(decision.getId()));
        return decision;
    }

    private boolean decidesForClient() {
        return caller.hasAnyRole(Roles.RECRUITER, Roles.TENANT_ADMIN);
    }

    /**
     * A hiring manager who still owes their own scorecard has not seen the panel (anti-anchoring hides
     * it until theirs is in), and their opinion is missing from it: submitting comes first.
     */
    private void requireOwnScorecardIn(UUID applicationId) {
        List<Integer> owed = em.createQuery("""
                        select r.round from FeedbackRequest r
                        where r.applicationId = :application and r.participantSubject = :subject and r.status = :open""", Integer.class)
                .setParameter("application", applicationId).setParameter("subject", caller.subject())
                .setParameter("open", FeedbackRequest.Status.OPEN).getResultList();
        if (!owed.isEmpty()) {
            String rounds = owed.stream().filter(Objects::nonNull).distinct().sorted().map(String::valueOf).collect(Collectors.joining(", "));
            throw ProblemException.conflict("submit your own scorecard" + (rounds.isEmpty() ? "" : " for round " + rounds)
                    + " first: your opinion belongs in the panel, and the panel's is hidden from you until it is in (or ask a recruiter to record the decision)");
        }
    }

    /** The round asked for (it must have had a loop), or the latest round with a loop that was not cancelled. */
    private static Integer roundOf(List<FeedbackLoop> loops, DecisionRequest body) {
        List<Integer> rounds = loops.stream().map(l -> l.round).filter(Objects::nonNull).distinct().sorted().toList();
        Integer round = body.round();
        if (round != null && !rounds.contains(round)) {
            throw ProblemException.unprocessable("round", "this application had no interview loop in round " + round
                    + (rounds.isEmpty() ? "" : " (rounds with a loop: " + rounds.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")"));
        }
        if (round == null) {
            round = loops.stream().filter(l -> l.status != FeedbackLoop.Status.CANCELLED && l.round != null)
                    .map(l -> l.round).max(Comparator.naturalOrder())
                    .orElse(rounds.isEmpty() ? null : rounds.get(rounds.size() - 1));
        }
        if (round == null && body.outcome() == Outcome.NEXT_ROUND) {
            throw ProblemException.unprocessable("round", "required for NEXT_ROUND: the application's loops name no round");
        }
        return round;
    }

    private Optional<Decision> pending(UUID applicationId) {
        return em.createQuery("select d from Decision d where d.applicationId = :application and d.deliveryStatus = :pending",
                        Decision.class)
                .setParameter("application", applicationId).setParameter("pending", DeliveryStatus.PENDING)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * The application's loops, locked: decisions and re-queues on one application are taken one after
     * the other, so the "one decision in flight" check cannot race.
     */
    private List<FeedbackLoop> lockApplication(UUID applicationId) {
        return em.createQuery("select l from FeedbackLoop l where l.applicationId = :application order by l.id", FeedbackLoop.class)
                .setParameter("application", applicationId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private List<FeedbackLoop> loopsOf(UUID applicationId) {
        return em.createQuery("select l from FeedbackLoop l where l.applicationId = :application", FeedbackLoop.class)
                .setParameter("application", applicationId).getResultList();
    }

    /** The job of the application's most recent loop that names one. */
    private static UUID jobOf(List<FeedbackLoop> loops) {
        return loops.stream().filter(l -> l.jobId != null).max(Comparator.comparing(l -> l.getUpdatedAt()))
                .map(l -> l.jobId).orElse(null);
    }
}
