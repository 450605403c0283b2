package dev.secondround.candidate.application;

import jakarta.persistence.LockModeType;
import dev.secondround.candidate.access.PipelineAccess;
import dev.secondround.candidate.application.ApplicationApi.ApplicationRequest;
import dev.secondround.candidate.application.ApplicationApi.ApplicationView;
import dev.secondround.candidate.application.ApplicationApi.CandidateSummary;
import dev.secondround.candidate.application.ApplicationApi.JobSummary;
import dev.secondround.candidate.application.ApplicationApi.StageChangeRequest;
import dev.secondround.candidate.candidate.Candidate;
import dev.secondround.candidate.candidate.CandidateRepository;
import dev.secondround.candidate.job.Job;
import dev.secondround.candidate.job.JobRepository;
import dev.secondround.candidate.job.JobStatus;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class ApplicationService {

    private final ApplicationRepository applications;
    private final CandidateRepository candidates;
    private final JobRepository jobs;
    private final PipelineAccess access;
    private final Caller caller;

    public ApplicationService(ApplicationRepository applications, CandidateRepository candidates, JobRepository jobs,
                              PipelineAccess access, Caller caller) {
        this.applications = applications;
        this.candidates = candidates;
        this.jobs = jobs;
        this.access = access;
        this.caller = caller;
    }

    public Application create(ApplicationRequest request) {
        if (candidates.findByIdOptional(request.candidateId()).isEmpty()) {
            throw ProblemException.unprocessable("candidateId", "no such candidate");
        }
        Job job = jobs.findByIdOptional(request.jobId())
                .orElseThrow(() -> ProblemException.unprocessable("jobId", "no such job"));
        if (job.status != JobStatus.OPEN) {
            throw ProblemException.conflict("the job is " + job.status + "; only OPEN jobs take applications");
        }
        if (applications.exists(request.candidateId(), request.jobId())) {
            throw ProblemException.conflict("this candidate already has an application for this job");
        }
        Application application = new Application();
        application.candidateId = request.candidateId();
        application.jobId = request.jobId();
        applications.persist(application);
        record(application, null, null, "Application created");
        applications.flush();
        return application;
    }

    /** The application if it exists in this tenant and the caller may see its job; 404 otherwise. */
    public Application requireVisible(UUID id) {
        Application application = applications.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("application"));
        Job job = jobs.findById(application.jobId);
        if (!access.mayRead(job.hiringManagerSubject)) {
            throw ProblemException.notFound("application");
        }
        return application;
    }

    public Page<Application> list(UUID jobId, UUID candidateId, ApplicationStage stage, PageParams page) {
        return KeysetQuery.of(Application.class)
                .andIf(jobId != null, "e.jobId = :jobId", "jobId", jobId)
                .andIf(candidateId != null, "e.candidateId = :candidateId", "candidateId", candidateId)
                .andIf(stage != null, "e.stage = :stage", "stage", stage)
                .andIf(access.limitedToManagedJobs(),
                        "e.jobId in (select j.id from Job j where j.hiringManagerSubject = :manager)", "manager", access.subject())
                .page(applications.getEntityManager(), page);
    }

    public Application changeStage(UUID id, IfMatch ifMatch, StageChangeRequest request) {
        Application application = requireVisible(id);
        ifMatch.check(application.getVersion());
        // Share lock on the job: a concurrent plan change waits until this move is committed.
        Job job = jobs.getEntityManager().find(Job.class, application.jobId, LockModeType.PESSIMISTIC_READ);
        StageTransitions.check(application.stage, application.currentRound, request.to(), request.round(), job.roundCount())
                .ifPresent(reason -> {
                    throw ProblemException.unprocessable(request.to() == ApplicationStage.ROUND && request.round() == null ? "round" : "to", reason);
                });
        ApplicationStage fromStage = application.stage;
        Integer fromRound = application.currentRound;
        application.stage = request.to();
        if (request.round() != null) {
            application.currentRound = request.round();
        }
        record(application, fromStage, fromRound, request.reason());
        applications.flush();
        return application;
    }

    public Page<StageChange> history(UUID applicationId, PageParams page) {
        requireVisible(applicationId);
        return KeysetQuery.of(StageChange.class)
                .and("e.applicationId = :applicationId", "applicationId", applicationId)
                .page(applications.getEntityManager(), page);
    }

    public Job jobOf(Application application) {
        return jobs.findById(application.jobId);
    }

    /** Views for a page of applications with two extra queries in all, not two per row. */
    public List<ApplicationView> views(List<Application> page) {
        Set<UUID> candidateIds = page.stream().map(a -> a.candidateId).collect(Collectors.toSet());
        Set<UUID> jobIds = page.stream().map(a -> a.jobId).collect(Collectors.toSet());
        Map<UUID, Candidate> candidateById = candidateIds.isEmpty() ? Map.of()
                : candidates.list("id in ?1", candidateIds).stream().collect(Collectors.toMap(Candidate::getId, Function.identity()));
        Map<UUID, Job> jobById = jobIds.isEmpty() ? Map.of()
                : jobs.list("id in ?1", jobIds).stream().collect(Collectors.toMap(Job::getId, Function.identity()));
        return page.stream().map(a -> view(a, candidateById.get(a.candidateId), jobById.get(a.jobId))).toList();
    }

    public ApplicationView view(Application application) {
        return views(List.of(application)).get(0);
    }

    private static ApplicationView view(Application a, Candidate candidate, Job job) {
        String roundName = a.currentRound == null ? null : job.round(a.currentRound).map(Job.Round::name).orElse(null);
        return new ApplicationView(a.getId(),
                new CandidateSummary(candidate.getId(), candidate.firstName, candidate.lastName),
                new JobSummary(job.getId(), job.title, job.clientId, job.roundCount()),
                a.stage, a.currentRound, roundName, a.getCreatedAt(), a.getUpdatedAt(), a.getVersion());
    }

    private StageChange record(Application application, ApplicationStage fromStage, Integer fromRound, String reason) {
        StageChange change = new StageChange();
        change.applicationId = application.getId();
        change.fromStage = fromStage;
        change.fromRound = fromRound;
        change.toStage = application.stage;
        // The round belongs to the history only when the move is into a round; fromRound keeps the context.
        change.toRound = application.stage == ApplicationStage.ROUND ? application.currentRound : null;
        change.reason = reason;
        change.changedBySubject = caller.subject();
        change.changedByName = caller.displayName();
        applications.getEntityManager().persist(change);
        return change;
    }
}
