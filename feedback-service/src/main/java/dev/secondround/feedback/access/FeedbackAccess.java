package dev.secondround.feedback.access;

import dev.secondround.feedback.policy.FeedbackPolicy.AntiAnchoring;
import dev.secondround.feedback.policy.PolicyService;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.problem.ProblemType;
import dev.secondround.platform.security.Caller;
import dev.secondround.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Object rules inside a tenant (role checks are {@code @RolesAllowed} on the resources).
 * <ul>
 * <li>Recruiters, tenant admins and integrations read every scorecard.</li>
 * <li>A hiring manager reads the scorecards of the jobs they manage (the job's hiring manager in the
 * candidate service, as of the last loop sync).</li>
 * <li>A participant reads their own scorecard always, and the others' for that application only as the
 * tenant's anti-anchoring policy allows: NEVER, AFTER_SUBMITTING their own, or ALWAYS.</li>
 * <li>Whoever still owes a scorecard for the application — the hiring manager included — sees the
 * others' only after submitting it, unless the policy is ALWAYS: their opinion is the one at risk.</li>
 * <li>Anyone else (coordinators, interviewers of other loops, other jobs' hiring managers) gets 404,
 * exactly as if the application had no feedback.</li>
 * </ul>
 */
@RequestScoped
public class FeedbackAccess {

    private final Caller caller;
    private final EntityManager em;
    private final PolicyService policies;

    public FeedbackAccess(Caller caller, EntityManager em, PolicyService policies) {
        this.caller = caller;
        this.em = em;
        this.policies = policies;
    }

    /** Recruiters, tenant admins and integrations: every scorecard of the tenant. */
    public boolean readsAll() {
        return caller.hasAnyRole(Roles.RECRUITER, Roles.TENANT_ADMIN, Roles.INTEGRATION);
    }

    /** Who follows up on feedback (who owes what, overdue) without reading what was written. */
    public boolean tracksRequests() {
        return readsAll() || caller.hasRole(Roles.COORDINATOR);
    }

    public String subject() {
        return caller.subject();
    }

    public String displayName() {
        return caller.displayName();
    }

    /** The caller is the hiring manager of this job (in the hiring_manager role). */
    public boolean managesJob(UUID jobId) {
        if (jobId == null || !caller.hasRole(Roles.HIRING_MANAGER)) {
            return false;
        }
        return !em.createQuery("select 1 from JobRef j where j.jobId = :job and j.hiringManagerSubject = :subject")
                .setParameter("job", jobId).setParameter("subject", caller.subject()).setMaxResults(1).getResultList().isEmpty();
    }

    /** The same for a job already read: the caller is its hiring manager (in the hiring_manager role). */
    public boolean manages(dev.secondround.feedback.loop.JobRef job) {
        return job != null && caller.hasRole(Roles.HIRING_MANAGER) && caller.subject().equals(job.hiringManagerSubject);
    }

    /** The jobs the caller manages as hiring manager (for list filters). */
    public List<UUID> managedJobs() {
        if (!caller.hasRole(Roles.HIRING_MANAGER)) {
            return List.of();
        }
        return em.createQuery("select j.jobId from JobRef j where j.hiringManagerSubject = :subject", UUID.class)
                .setParameter("subject", caller.subject()).getResultList();
    }

    /** What the caller may see of the panel's scorecards for one application. */
    public enum PanelView {
        /** Everything: all submitted scorecards and the aggregates built from them. */
        ALL,
        /** Nothing yet: they owe their own scorecard first (403 scorecards-hidden). */
        HIDDEN_UNTIL_SUBMITTED,
        /** Nothing: the tenant's policy never shows participants each other's scorecards (403 scorecards-hidden). */
        HIDDEN_BY_POLICY,
        /** The caller has nothing to do with this application (404). */
        NONE
    }

    /** Whether the caller may read the others' scorecards for this application (of this job). */
    public PanelView panelView(UUID applicationId, UUID jobId) {
        if (readsAll()) {
            return PanelView.ALL;
        }
        List<String> owed = em.createQuery("""
                        select r.status from FeedbackRequest r
                        where r.applicationId = :application and r.participantSubject = :subject and r.status <> 'WITHDRAWN'""", Object.class)
                .setParameter("application", applicationId).setParameter("subject", caller.subject()).getResultList()
                .stream().map(String::valueOf).toList();
        boolean manager = managesJob(jobId);
        boolean participant = !owed.isEmpty();
        if (!manager && !participant) {
            return PanelView.NONE;
        }
        AntiAnchoring policy = policies.current().antiAnchoring;
        if (policy == AntiAnchoring.ALWAYS) {
            return PanelView.ALL;
        }
        if (owed.contains("OPEN")) {
            return PanelView.HIDDEN_UNTIL_SUBMITTED;
        }
        if (manager) {
            return PanelView.ALL;
        }
        return policy == AntiAnchoring.NEVER ? PanelView.HIDDEN_BY_POLICY : PanelView.ALL;
    }

    /** {@link #panelView} or the matching problem: 404 for strangers, 403 scorecards-hidden for participants. */
    public void requirePanel(UUID applicationId, UUID jobId) {
        switch (panelView(applicationId, jobId)) {
            case ALL -> {
            }
            case NONE -> throw ProblemException.notFound("application feedback");
            case HIDDEN_UNTIL_SUBMITTED -> throw new ProblemException(ProblemType.SCORECARDS_HIDDEN,
                    "submit your own scorecard for this candidate first: the others' opinions are hidden until then so they cannot anchor yours");
            case HIDDEN_BY_POLICY -> throw new ProblemException(ProblemType.SCORECARDS_HIDDEN,
                    "your organisation's policy does not show participants each other's scorecards; the hiring manager and recruiters read them");
        }
    }
}
