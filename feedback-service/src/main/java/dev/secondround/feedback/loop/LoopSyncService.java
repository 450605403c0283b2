package dev.secondround.feedback.loop;

import dev.secondround.feedback.candidates.CandidateServiceClient;
import dev.secondround.feedback.policy.PolicyService;
import dev.secondround.feedback.reminder.FeedbackTenants;
import dev.secondround.feedback.request.FeedbackRequest;
import dev.secondround.feedback.request.FeedbackRequest.SessionRef;
import dev.secondround.feedback.request.FeedbackRequest.Status;
import dev.secondround.feedback.template.ScorecardTemplate;
import dev.secondround.feedback.template.TemplateService;
import dev.secondround.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the feedback requests in step with a loop: one per participant of a booked loop (tour guides
 * and lunch hosts included), withdrawn when someone is replaced or the loop is cancelled, reopened
 * when they come back. Applying the same or an older version again changes nothing, which is what
 * makes the scheduling service's at-least-once outbox deliver exactly-once requests.
 */
@ApplicationScoped
public class LoopSyncService {

    private final EntityManager em;
    private final TemplateService templates;
    private final PolicyService policies;
    private final FeedbackTenants tenants;

    public LoopSyncService(EntityManager em, TemplateService templates, PolicyService policies, FeedbackTenants tenants) {
        this.em = em;
        this.templates = templates;
        this.policies = policies;
        this.tenants = tenants;
    }

    /** What a sync did, for the log and the tests. */
    public record Outcome(boolean applied, int opened, int withdrawn) {
    }

    @Transactional
    public Outcome apply(LoopSnapshot snapshot, Optional<CandidateServiceClient.JobRefView> job) {
        Optional<JobRef> jobRef = job.map(this::rememberJob).or(() -> storedJob(snapshot.jobId()));
        // The reminder job finds the tenant's overdue requests from this list.
        tenants.register();
        // Locked: two deliveries of the same loop at once (two relay instances) apply one after the other.
        Optional<FeedbackLoop> known = em.createQuery("select l from FeedbackLoop l where l.loopId = :loop", FeedbackLoop.class)
                .setParameter("loop", snapshot.loopId()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        // The same version again is applied again (harmless: the requests are derived from the snapshot), so a
        // directory change (a participant's login linked, a new email) re-sent at the same version reaches them.
        if (known.isPresent() && known.get().loopVersion > snapshot.version()) {
            return new Outcome(false, 0, 0);
        }
        if (known.isEmpty() && "CANCELLED".equals(snapshot.status())) {
            // Cancelled before we ever heard of it: nobody was asked, so there is nothing to withdraw or keep.
            return new Outcome(false, 0, 0);
        }
        FeedbackLoop loop = known.orElseGet(FeedbackLoop::new);
        copy(snapshot, loop);
        if (known.isEmpty()) {
            em.persist(loop);
        }

        Map<UUID, FeedbackRequest> existing = new LinkedHashMap<>();
        em.createQuery("select r from FeedbackRequest r where r.loopId = :loop", FeedbackRequest.class)
                .setParameter("loop", snapshot.loopId()).getResultList().forEach(r -> existing.put(r.interviewerId, r));

        boolean cancelled = "CANCELLED".equals(snapshot.status());
        Map<UUID, List<LoopSnapshot.Session>> sessionsByPerson = cancelled ? Map.of() : sessionsByPerson(snapshot);
        int opened = 0;
        int withdrawn = 0;
        Instant due = dueAt(snapshot);
        for (Map.Entry<UUID, List<LoopSnapshot.Session>> entry : sessionsByPerson.entrySet()) {
            LoopSnapshot.Participant who = participant(entry.getValue().get(0), entry.getKey());
            FeedbackRequest request = existing.remove(entry.getKey());
            boolean isNew = request == null;
            if (isNew) {
                request = new FeedbackRequest();
                request.loopId = snapshot.loopId();
                request.applicationId = snapshot.applicationId();
                request.interviewerId = entry.getKey();
            }
            ScorecardTemplate.Form form = entry.getValue().stream().anyMatch(s -> LoopSnapshot.isInterview(s.kind()))
                    ? ScorecardTemplate.Form.FULL : ScorecardTemplate.Form.LIGHT;
            if (isNew || (request.form != form && !hasScorecard(request))) {
                // The template is fixed when asked; it changes only if their part in the loop changed before they wrote anything.
                String kind = entry.getValue().stream().filter(s -> LoopSnapshot.isInterview(s.kind())).findFirst()
                        .orElse(entry.getValue().get(0)).kind();
                ScorecardTemplate template = templates.choose(snapshot.jobId(), snapshot.round(), kind, form);
                request.form = form;
                request.templateId = template.getId();
                request.template = new FeedbackRequest.TemplateSnapshot(template.name, List.copyOf(template.attributes),
                        List.copyOf(template.keyQuestions));
            }
            request.jobId = snapshot.jobId();
            request.round = snapshot.round();
            request.candidateName = snapshot.candidateName();
            request.jobTitle = snapshot.jobTitle();
            request.participantSubject = subjectOf(who, jobRef);
            request.participantName = who.fullName().strip();
            request.participantTitle = Text.clean(who.title());
            request.participantEmail = Text.clean(who.email());
            request.roleKind = who.roleKind();
            request.sessions = new ArrayList<>(entry.getValue().stream()
                    .map(s -> new SessionRef(s.title(), s.kind(), s.startsAt(), s.endsAt())).toList());
            request.dueAt = due;
            if (request.status == Status.WITHDRAWN) {
                // Back in the loop (e.g. a replacement undone): owed again (only open requests are ever withdrawn).
                request.status = Status.OPEN;
                request.withdrawnReason = null;
                opened++;
            }
            if (isNew) {
                em.persist(request);
                opened++;
            }
        }
        for (FeedbackRequest gone : existing.values()) {
            if (gone.status == Status.OPEN) {
                gone.status = Status.WITHDRAWN;
                gone.withdrawnReason = cancelled ? "the loop was cancelled" : "no longer in any session of the loop (replaced)";
                withdrawn++;
            }
        }
        em.flush();
        return new Outcome(true, opened, withdrawn);
    }

    /**
     * Who may fill the request in: the directory's linked login, or — when the directory has none — the
     * job's hiring manager's login if the participant is that person (same email). Without this a hiring
     * manager whose directory entry lacks a login would not count as owing a scorecard, and would read
     * the panel before giving their own opinion.
     */
    private static String subjectOf(LoopSnapshot.Participant who, Optional<JobRef> job) {
        String subject = Text.clean(who.oidcSubject());
        if (subject != null || who.email() == null) {
            return subject;
        }
        return job.filter(j -> j.hiringManagerEmail != null && j.hiringManagerEmail.equalsIgnoreCase(who.email().strip()))
                .map(j -> j.hiringManagerSubject).orElse(null);
    }

    private Optional<JobRef> storedJob(UUID jobId) {
        return jobId == null ? Optional.empty()
                : em.createQuery("select j from JobRef j where j.jobId = :job", JobRef.class).setParameter("job", jobId)
                        .getResultStream().findFirst();
    }

    private JobRef rememberJob(CandidateServiceClient.JobRefView job) {
        JobRef ref = em.createQuery("select j from JobRef j where j.jobId = :job", JobRef.class).setParameter("job", job.id())
                .getResultStream().findFirst().orElseGet(() -> {
                    JobRef created = new JobRef();
                    created.jobId = job.id();
                    return created;
                });
        ref.title = job.title();
        ref.hiringManagerSubject = job.hiringManager().subject();
        ref.hiringManagerName = job.hiringManager().name();
        ref.hiringManagerEmail = job.hiringManager().email();
        if (ref.getCreatedAt() == null) {
            em.persist(ref);
        }
        return ref;
    }

    private Instant dueAt(LoopSnapshot snapshot) {
        Instant end = snapshot.endsAt() != null ? snapshot.endsAt()
                : snapshot.sessions().stream().map(LoopSnapshot.Session::endsAt).max(Comparator.naturalOrder()).orElse(Instant.now());
        return end.plus(Duration.ofHours(policies.current().dueHoursAfterLoop));
    }

    private static Map<UUID, List<LoopSnapshot.Session>> sessionsByPerson(LoopSnapshot snapshot) {
        Map<UUID, List<LoopSnapshot.Session>> byPerson = new LinkedHashMap<>();
        snapshot.sessions().stream()
                .filter(s -> !"BREAK".equals(s.kind()))
                .sorted(Comparator.comparing(LoopSnapshot.Session::startsAt))
                .forEach(s -> s.participants().forEach(p -> byPerson.computeIfAbsent(p.interviewerId(), k -> new ArrayList<>()).add(s)));
        return byPerson;
    }

    private static LoopSnapshot.Participant participant(LoopSnapshot.Session session, UUID interviewerId) {
        return session.participants().stream().filter(p -> p.interviewerId().equals(interviewerId)).findFirst().orElseThrow();
    }

    private static void copy(LoopSnapshot snapshot, FeedbackLoop loop) {
        loop.loopId = snapshot.loopId();
        loop.loopVersion = snapshot.version();
        loop.status = FeedbackLoop.Status.valueOf(snapshot.status());
        loop.applicationId = snapshot.applicationId();
        loop.candidateId = snapshot.candidateId();
        loop.candidateName = snapshot.candidateName();
        loop.jobId = snapshot.jobId();
        loop.jobTitle = snapshot.jobTitle();
        loop.round = snapshot.round();
        loop.roundName = snapshot.roundName();
        loop.timeZone = snapshot.timeZone();
        loop.day = snapshot.day();
        loop.startsAt = snapshot.startsAt();
        loop.endsAt = snapshot.endsAt();
    }

    private boolean hasScorecard(FeedbackRequest request) {
        return request.getCreatedAt() != null && !em.createQuery("select 1 from Scorecard s where s.requestId = :request")
                .setParameter("request", request.getId()).setMaxResults(1).getResultList().isEmpty();
    }
}
