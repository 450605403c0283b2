package dev.secondround.feedback.request;

import dev.secondround.feedback.access.FeedbackAccess;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading feedback requests. Coordinators, recruiters, tenant admins and integrations see all (they
 * chase missing feedback); a hiring manager sees their jobs' and their own; an interviewer only their own.
 */
@ApplicationScoped
@Transactional
public class RequestService {

    private final EntityManager em;
    private final FeedbackAccess access;

    public RequestService(EntityManager em, FeedbackAccess access) {
        this.em = em;
        this.access = access;
    }

    /** Filters of the list; all optional. */
    public record Filter(UUID applicationId, UUID loopId, FeedbackRequest.Status status, Boolean overdue, Boolean mine) {
    }

    public Page<FeedbackRequest> list(Filter filter, PageParams page) {
        boolean onlyMine = Boolean.TRUE.equals(filter.mine());
        KeysetQuery<FeedbackRequest> query = KeysetQuery.of(FeedbackRequest.class)
                .andIf(filter.applicationId() != null, "e.applicationId = :application", "application", filter.applicationId())
                .andIf(filter.loopId() != null, "e.loopId = :loop", "loop", filter.loopId())
                .andIf(filter.status() != null, "e.status = :status", "status", filter.status())
                .andIf(Boolean.TRUE.equals(filter.overdue()), "e.status = 'OPEN' and e.dueAt < :now", "now", Instant.now())
                .andIf(Boolean.FALSE.equals(filter.overdue()), "not (e.status = 'OPEN' and e.dueAt < :now)", "now", Instant.now())
                .andIf(onlyMine, "e.participantSubject = :me", "me", access.subject());
        if (!onlyMine && !access.tracksRequests()) {
            List<UUID> managed = access.managedJobs();
            if (managed.isEmpty()) {
                query.and("e.participantSubject = :me", "me", access.subject());
            } else {
                query.and("e.participantSubject = :me or e.jobId in :managed", Map.of("me", access.subject(), "managed", managed));
            }
        }
        return query.page(em, page);
    }

    /** The request, if the caller may see it (else 404, like a missing one). */
    public FeedbackRequest require(UUID id) {
        FeedbackRequest request = em.find(FeedbackRequest.class, id);
        if (request == null || !maySee(request)) {
            throw ProblemException.notFound("feedback request");
        }
        return request;
    }

    public boolean maySee(FeedbackRequest request) {
        return access.tracksRequests() || access.subject().equals(request.participantSubject) || access.managesJob(request.jobId);
    }
}
