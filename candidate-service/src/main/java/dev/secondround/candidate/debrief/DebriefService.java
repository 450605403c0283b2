package dev.secondround.candidate.debrief;

import dev.secondround.platform.api.Text;
import dev.secondround.candidate.access.PipelineAccess;
import dev.secondround.candidate.application.Application;
import dev.secondround.candidate.application.ApplicationService;
import dev.secondround.candidate.debrief.Debrief.DebriefVisibility;
import dev.secondround.candidate.debrief.DebriefApi.DebriefRequest;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class DebriefService {

    private final EntityManager em;
    private final ApplicationService applications;
    private final PipelineAccess access;
    private final Caller caller;

    public DebriefService(EntityManager em, ApplicationService applications, PipelineAccess access, Caller caller) {
        this.em = em;
        this.applications = applications;
        this.access = access;
        this.caller = caller;
    }

    public Debrief create(UUID applicationId, DebriefRequest request) {
        Application application = applications.requireVisible(applicationId);
        validate(application, request);
        Debrief debrief = new Debrief();
        debrief.applicationId = applicationId;
        debrief.authorSubject = caller.subject();
        debrief.authorName = caller.displayName();
        apply(debrief, request);
        em.persist(debrief);
        em.flush();
        return debrief;
    }

    public Page<Debrief> list(UUID applicationId, Integer round, PageParams page) {
        applications.requireVisible(applicationId);
        return KeysetQuery.of(Debrief.class)
                .and("e.applicationId = :applicationId", "applicationId", applicationId)
                .andIf(round != null, "e.round = :round", "round", round)
                .andIf(!access.runsPipeline(), "e.visibility = :shared", "shared", DebriefVisibility.SHARED_WITH_HIRING_MANAGER)
                .page(em, page);
    }

    public Debrief require(UUID applicationId, UUID debriefId) {
        applications.requireVisible(applicationId);
        Debrief debrief = em.find(Debrief.class, debriefId);
        if (debrief == null || !debrief.applicationId.equals(applicationId)
                || (!access.runsPipeline() && debrief.visibility != DebriefVisibility.SHARED_WITH_HIRING_MANAGER)) {
            throw ProblemException.notFound("debrief");
        }
        return debrief;
    }

    public Debrief update(UUID applicationId, UUID debriefId, IfMatch ifMatch, DebriefRequest request) {
        Debrief debrief = require(applicationId, debriefId);
        ifMatch.check(debrief.getVersion());
        validate(applications.requireVisible(applicationId), request);
        apply(debrief, request);
        em.flush();
        return debrief;
    }

    private void validate(Application application, DebriefRequest request) {
        if (!request.saysSomething()) {
            throw ProblemException.invalidField("wentWell", "write at least one of wentWell, struggledWith, emphasiseNextRound");
        }
        int rounds = applications.jobOf(application).roundCount();
        if (request.round() > rounds) {
            throw ProblemException.unprocessable("round", "the job's interview plan has rounds 1 to " + rounds);
        }
    }

    private static void apply(Debrief debrief, DebriefRequest request) {
        debrief.round = request.round();
        debrief.wentWell = Text.clean(request.wentWell());
        debrief.struggledWith = Text.clean(request.struggledWith());
        debrief.emphasiseNextRound = Text.clean(request.emphasiseNextRound());
        debrief.visibility = request.visibility();
    }
}
