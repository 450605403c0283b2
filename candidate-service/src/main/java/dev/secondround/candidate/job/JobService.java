package dev.secondround.candidate.job;

import dev.secondround.platform.api.Text;
import jakarta.persistence.LockModeType;
import dev.secondround.candidate.access.PipelineAccess;
import dev.secondround.candidate.client.ClientService;
import dev.secondround.candidate.job.JobApi.JobRequest;
import dev.secondround.candidate.job.JobApi.RoundBody;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Like;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class JobService {

    private final JobRepository jobs;
    private final ClientService clients;
    private final PipelineAccess access;

    public JobService(JobRepository jobs, ClientService clients, PipelineAccess access) {
        this.jobs = jobs;
        this.clients = clients;
        this.access = access;
    }

    public Job create(JobRequest request) {
        Job job = new Job();
        apply(job, request);
        job.status = request.status() == null ? JobStatus.OPEN : request.status();
        jobs.persistAndFlush(job);
        return job;
    }

    /** The job if it exists in this tenant and the caller may see it; otherwise 404, never 403, so nothing leaks. */
    public Job requireVisible(UUID id) {
        return jobs.findByIdOptional(id)
                .filter(job -> access.mayRead(job.hiringManagerSubject))
                .orElseThrow(() -> ProblemException.notFound("job"));
    }

    public Page<Job> list(UUID clientId, JobStatus status, String title, PageParams page) {
        return KeysetQuery.of(Job.class)
                .andIf(clientId != null, "e.clientId = :clientId", "clientId", clientId)
                .andIf(status != null, "e.status = :status", "status", status)
                .andIf(title != null && !title.isBlank(), "lower(e.title) like :title", "title", Like.contains(title))
                .andIf(access.limitedToManagedJobs(), "e.hiringManagerSubject = :manager", "manager", access.subject())
                .page(jobs.getEntityManager(), page);
    }

    public Job update(UUID id, IfMatch ifMatch, JobRequest request) {
        Job job = requireVisible(id);
        ifMatch.check(job.getVersion());
        // Stage changes read the plan under a share lock; this waits for them, so no application can
        // slip into a round that the new plan removes (see ApplicationService#changeStage).
        jobs.getEntityManager().lock(job, LockModeType.PESSIMISTIC_WRITE);
        apply(job, request);
        if (request.status() != null) {
            job.status = request.status();
        }
        long beyondPlan = jobs.getEntityManager().createQuery(
                        "select count(a) from Application a where a.jobId = :job and a.currentRound > :rounds", Long.class)
                .setParameter("job", id).setParameter("rounds", job.roundCount()).getSingleResult();
        if (beyondPlan > 0) {
            throw ProblemException.conflict(beyondPlan + " application(s) already reached a round beyond the new plan of "
                    + job.roundCount() + " rounds");
        }
        jobs.flush();
        return job;
    }

    private void apply(Job job, JobRequest request) {
        // The client must exist in this tenant: another tenant's client id is refused like an unknown one.
        if (clients.find(request.clientId()).isEmpty()) {
            throw ProblemException.unprocessable("clientId", "no such client");
        }
        job.clientId = request.clientId();
        job.title = request.title().strip();
        job.department = Text.clean(request.department());
        job.location = Text.clean(request.location());
        job.hiringManagerSubject = request.hiringManager().subject().strip();
        job.hiringManagerName = request.hiringManager().name().strip();
        job.hiringManagerEmail = Text.clean(request.hiringManager().email());
        job.interviewPlan = new ArrayList<>(validPlan(request.interviewPlan()));
    }

    static List<Job.Round> validPlan(List<RoundBody> plan) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).number() != i + 1) {
                throw ProblemException.invalidField("interviewPlan[" + i + "].number",
                        "rounds must be numbered 1.." + plan.size() + " in order; expected " + (i + 1));
            }
        }
        return plan.stream().map(r -> new Job.Round(r.number(), r.name().strip(), r.kind())).toList();
    }
}
