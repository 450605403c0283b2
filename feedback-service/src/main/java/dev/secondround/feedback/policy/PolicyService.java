package dev.secondround.feedback.policy;

import dev.secondround.platform.concurrency.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** The tenant's one policy row, made with the defaults the first time anyone needs it. */
@ApplicationScoped
public class PolicyService {

    private final EntityManager em;

    public PolicyService(EntityManager em) {
        this.em = em;
    }

    /** The current policy; the defaults (not stored) while the tenant never changed it. */
    @Transactional
    public FeedbackPolicy current() {
        List<FeedbackPolicy> rows = em.createQuery("select p from FeedbackPolicy p", FeedbackPolicy.class).getResultList();
        return rows.isEmpty() ? new FeedbackPolicy() : rows.get(0);
    }

    /** The ETag's version: the unstored defaults answer -1, so a stale read of them cannot overwrite a first change. */
    public static long etagVersion(FeedbackPolicy policy) {
        return policy.getCreatedAt() == null ? -1 : policy.getVersion();
    }

    @Transactional
    public FeedbackPolicy update(IfMatch ifMatch, PolicyApi.PolicyRequest request) {
        List<FeedbackPolicy> rows = em.createQuery("select p from FeedbackPolicy p", FeedbackPolicy.class).getResultList();
        FeedbackPolicy policy = rows.isEmpty() ? new FeedbackPolicy() : rows.get(0);
        ifMatch.check(etagVersion(policy));
        policy.antiAnchoring = request.antiAnchoring();
        policy.dueHoursAfterLoop = request.dueHoursAfterLoop();
        policy.reminderEveryHours = request.reminderEveryHours();
        policy.escalateAfterHours = request.escalateAfterHours();
        if (rows.isEmpty()) {
            em.persist(policy);
        }
        em.flush();
        return policy;
    }
}
