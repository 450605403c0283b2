package dev.secondround.feedback.reminder;

import dev.secondround.feedback.loop.FeedbackLoop;
import dev.secondround.feedback.loop.JobRef;
import dev.secondround.feedback.policy.FeedbackPolicy;
import dev.secondround.feedback.policy.PolicyService;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.feedback.reminder.FeedbackNotification.Kind;
import dev.secondround.platform.tenant.CurrentTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Chases overdue feedback, tenant by tenant, on a schedule ({@code feedback.reminders.every}):
 * <ul>
 * <li>an OPEN request past its due time, never reminded or last reminded at least the policy's
 * {@code reminderEveryHours} ago, gets a reminder mailed to the participant;</li>
 * <li>one overdue for the policy's {@code escalateAfterHours} is escalated once to the job's hiring
 * manager — one mail per loop naming everyone overdue in it, one notification per request.</li>
 * </ul>
 * Every reminder and escalation is recorded ({@link FeedbackNotification}) with its mail queued in the
 * outbox in the same transaction. What cannot be mailed is recorded with the reason instead: a
 * participant without an email address (counted as a reminder round, not as a reminder sent), a job
 * whose hiring manager has no email address, and an overdue participant who is the job's hiring
 * manager — this service knows nobody above them, so that escalation is only recorded (and shown in
 * the feedback status) for a recruiter or coordinator to act on.
 * <p>Work is claimed by loop ({@code FOR UPDATE SKIP LOCKED} on the loop rows), then the loop's due
 * requests are locked and updated in the claiming transaction: two instances running at once never
 * remind the same request twice nor split a loop's escalation into two mails, and a participant
 * submitting at that moment is not reminded after submitting.
 */
@ApplicationScoped
public class FeedbackReminders {

    private static final Logger LOG = Logger.getLogger(FeedbackReminders.class);
    private static final int BATCH = 50;
    /** Hibernate's "skip locked" lock timeout. */

    private final EntityManager em;
    private final CurrentTenant tenant;
    private final FeedbackTenants tenants;
    private final PolicyService policies;
    private final FeedbackMail mail;

    private final String publicUrl;

    public FeedbackReminders(EntityManager em, CurrentTenant tenant, FeedbackTenants tenants, PolicyService policies, FeedbackMail mail,
                             @org.eclipse.microprofile.config.inject.ConfigProperty(name = "feedback.public-url",
                                     defaultValue = "http://localhost:8093") String publicUrl) {
        this.publicUrl = publicUrl;
        this.em = em;
        this.tenant = tenant;
        this.tenants = tenants;
        this.policies = policies;
        this.mail = mail;
    }

    /** What one run did: reminders mailed, escalation mails queued, and notifications recorded without a mail. */
    public record Run(int remindersMailed, int escalationMails, int notMailed) {

        Run plus(Run other) {
            return new Run(remindersMailed + other.remindersMailed, escalationMails + other.escalationMails, notMailed + other.notMailed);
        }
    }

    @Scheduled(every = "${feedback.reminders.every:15m}", delayed = "${feedback.reminders.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Run run = runDue();
        if (run.remindersMailed() + run.escalationMails() + run.notMailed() > 0) {
            LOG.infof("feedback reminders: %d reminders and %d escalation mails queued, %d recorded without mail",
                    run.remindersMailed(), run.escalationMails(), run.notMailed());
        }
    }

    /** Reminds and escalates what is due now, for every tenant with feedback requests. */
    public Run runDue() {
        List<String> all;
        try {
            all = tenants.all();
        } catch (SQLException e) {
            LOG.warnf("feedback reminders: cannot list tenants: %s", e.getMessage());
            return new Run(0, 0, 0);
        }
        Run total = new Run(0, 0, 0);
        for (String tenantId : all) {
            try {
                total = total.plus(runDue(tenantId));
            } catch (RuntimeException e) {
                // One tenant's failure (its batch rolled back) must not keep the others from their reminders.
                LOG.warnf(e, "feedback reminders for tenant %s failed; retried on the next run", tenantId);
            }
        }
        return total;
    }

    /** Reminds and escalates what is due now for one tenant, with that tenant set (RLS holds for the job too). */
    @ActivateRequestContext
    public Run runDue(String tenantId) {
        tenant.useForBackgroundWork(tenantId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Run total = new Run(0, 0, 0);
        // Each batch changes every request it claims, so none is claimed twice; the bound is a safety net.
        for (int i = 0; i < 1000; i++) {
            Run batch = QuarkusTransaction.requiringNew().call(() -> batch(now));
            if (batch == null) {
                break;
            }
            total = total.plus(batch);
        }
        return total;
    }

    /** One batch of due requests, claimed, notified and updated in one transaction; null when none is due. */
    private Run batch(Instant now) {
        FeedbackPolicy policy = policies.current();
        Instant remindBefore = now.minus(Duration.ofHours(policy.reminderEveryHours));
        Instant escalateBefore = now.minus(Duration.ofHours(policy.escalateAfterHours));
        // Claimed by loop, not by request: the loop rows are locked with SKIP LOCKED, so two instances (or two
        // batches) never split one loop's overdue requests, and its hiring manager gets one escalation mail.
        @SuppressWarnings("unchecked")
        List<UUID> loopIds = em.createNativeQuery("""
                        select l.loop_id from feedback_loop l
                        where l.tenant_id = :tenant and exists (
                            select 1 from feedback_request r
                            where r.tenant_id = l.tenant_id and r.loop_id = l.loop_id and r.status = 'OPEN' and r.due_at < :now
                              and (r.last_reminded_at is null or r.last_reminded_at <= :remindBefore
                                   or (r.escalated_at is null and r.due_at <= :escalateBefore)))
                        order by l.loop_id limit :batch
                        for update of l skip locked""")
                .setParameter("tenant", tenant.require()).setParameter("now", now).setParameter("remindBefore", remindBefore)
                .setParameter("escalateBefore", escalateBefore).setParameter("batch", BATCH).getResultList();
        if (loopIds.isEmpty()) {
            return null;
        }
        // Locked too (waiting, not skipping): someone submitting right now is either done first, and then no longer
        // OPEN here, or submits after this transaction.
        List<FeedbackRequest> due = em.createQuery("""
                        select r from FeedbackRequest r
                        where r.loopId in :loops and r.status = 'OPEN' and r.dueAt < :now
                          and (r.lastRemindedAt is null or r.lastRemindedAt <= :remindBefore
                               or (r.escalatedAt is null and r.dueAt <= :escalateBefore))
                        order by r.dueAt, r.id""", FeedbackRequest.class)
                .setParameter("loops", loopIds).setParameter("now", now).setParameter("remindBefore", remindBefore)
                .setParameter("escalateBefore", escalateBefore)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (due.isEmpty()) {
            // The loops' requests changed between the two reads (all submitted meanwhile): nothing left, try the next batch.
            return new Run(0, 0, 0);
        }
        Map<UUID, FeedbackLoop> loops = byKey(em.createQuery("select l from FeedbackLoop l where l.loopId in :ids", FeedbackLoop.class)
                .setParameter("ids", due.stream().map(r -> r.loopId).distinct().toList()).getResultList(), l -> l.loopId);
        List<UUID> jobIds = due.stream().map(r -> r.jobId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, JobRef> jobs = jobIds.isEmpty() ? Map.of()
                : byKey(em.createQuery("select j from JobRef j where j.jobId in :ids", JobRef.class).setParameter("ids", jobIds)
                .getResultList(), j -> j.jobId);

        int reminded = 0;
        int notMailed = 0;
        Map<UUID, List<FeedbackRequest>> toEscalate = new LinkedHashMap<>();
        for (FeedbackRequest request : due) {
            if (request.lastRemindedAt == null || !request.lastRemindedAt.isAfter(remindBefore)) {
                if (request.participantEmail == null) {
                    em.persist(FeedbackNotification.notSent(request.getId(), Kind.REMINDER, request.participantName,
                            "no email address in the directory for " + request.participantName));
                    notMailed++;
                } else {
                    UUID outboxId = mail.queue(ReminderMails.reminder(request, loops.get(request.loopId), request.remindersSent + 1,
                            policy.reminderEveryHours, now, publicUrl));
                    em.persist(FeedbackNotification.mailed(request.getId(), Kind.REMINDER, request.participantName,
                            request.participantEmail, outboxId));
                    request.remindersSent++;
                    reminded++;
                }
                // Also without an email address: the next attempt is one interval later, not on every run.
                request.lastRemindedAt = now;
            }
            if (request.escalatedAt == null && !request.dueAt.isAfter(escalateBefore)) {
                toEscalate.computeIfAbsent(request.loopId, k -> new ArrayList<>()).add(request);
                request.escalatedAt = now;
            }
        }
        int escalationMails = 0;
        for (List<FeedbackRequest> ofLoop : toEscalate.values()) {
            JobRef job = ofLoop.get(0).jobId == null ? null : jobs.get(ofLoop.get(0).jobId);
            List<FeedbackRequest> mailable = new ArrayList<>();
            for (FeedbackRequest request : ofLoop) {
                String reason = whyNotEscalatedByMail(request, job);
                if (reason == null) {
                    mailable.add(request);
                } else {
                    em.persist(FeedbackNotification.notSent(request.getId(), Kind.ESCALATION, job == null ? null : job.hiringManagerName, reason));
                    notMailed++;
                }
            }
            if (!mailable.isEmpty()) {
                UUID outboxId = mail.queue(ReminderMails.escalation(job.hiringManagerName, job.hiringManagerEmail, mailable,
                        loops.get(ofLoop.get(0).loopId), now));
                mailable.forEach(r -> em.persist(FeedbackNotification.mailed(r.getId(), Kind.ESCALATION, job.hiringManagerName,
                        job.hiringManagerEmail, outboxId)));
                escalationMails++;
            }
        }
        em.flush();
        return new Run(reminded, escalationMails, notMailed);
    }

    /** Null when the escalation can be mailed to the job's hiring manager; else why not. */
    private static String whyNotEscalatedByMail(FeedbackRequest request, JobRef job) {
        if (job == null) {
            return "the job's hiring manager is not known (no job on the loop)";
        }
        boolean isTheManager = (request.participantSubject != null && request.participantSubject.equals(job.hiringManagerSubject))
                || (request.participantEmail != null && job.hiringManagerEmail != null
                && request.participantEmail.toLowerCase(Locale.ROOT).equals(job.hiringManagerEmail.toLowerCase(Locale.ROOT)));
        if (isTheManager) {
            return request.participantName + " is the job's hiring manager; nobody above them is known to this service";
        }
        if (job.hiringManagerEmail == null) {
            return "the job's hiring manager " + job.hiringManagerName + " has no email address";
        }
        return null;
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a));
    }
}
