package dev.secondround.candidate.followup;

import dev.secondround.candidate.application.Application;
import dev.secondround.candidate.application.ApplicationService;
import dev.secondround.candidate.followup.FollowUpApi.FollowUpRequest;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.security.Caller;
import dev.secondround.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class FollowUpService {

    private final EntityManager em;
    private final ApplicationService applications;
    private final Caller caller;

    public FollowUpService(EntityManager em, ApplicationService applications, Caller caller) {
        this.em = em;
        this.applications = applications;
        this.caller = caller;
    }

    public FollowUp create(UUID applicationId, FollowUpRequest request) {
        Application application = applications.requireVisible(applicationId);
        int rounds = applications.jobOf(application).roundCount();
        if (request.round() > rounds) {
            throw ProblemException.unprocessable("round", "the job's interview plan has rounds 1 to " + rounds);
        }
        // "Today" differs around the globe: accept up to tomorrow in UTC, which is today somewhere.
        if (request.sentOn().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw ProblemException.invalidField("sentOn", "cannot be in the future");
        }
        FollowUp followUp = new FollowUp();
        followUp.applicationId = applicationId;
        followUp.round = request.round();
        followUp.interviewerName = request.interviewerName().strip();
        followUp.interviewerEmail = Text.clean(request.interviewerEmail());
        followUp.kind = request.kind();
        followUp.sentOn = request.sentOn();
        followUp.note = Text.clean(request.note());
        followUp.recordedBy = caller.subject();
        em.persist(followUp);
        em.flush();
        return followUp;
    }

    public FollowUp require(UUID applicationId, UUID followUpId) {
        applications.requireVisible(applicationId);
        FollowUp followUp = em.find(FollowUp.class, followUpId);
        if (followUp == null || !followUp.applicationId.equals(applicationId)) {
            throw ProblemException.notFound("follow-up");
        }
        return followUp;
    }

    public Page<FollowUp> list(UUID applicationId, Integer round, PageParams page) {
        applications.requireVisible(applicationId);
        return KeysetQuery.of(FollowUp.class)
                .and("e.applicationId = :applicationId", "applicationId", applicationId)
                .andIf(round != null, "e.round = :round", "round", round)
                .page(em, page);
    }
}
