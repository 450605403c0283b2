package dev.secondround.feedback.loop;

import dev.secondround.feedback.candidates.CandidateServiceClient;
import dev.secondround.feedback.reminder.FeedbackTenants;
import dev.secondround.platform.security.ServiceTokens;
import dev.secondround.platform.tenant.CurrentTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Keeps the copied hiring manager of each job ({@link JobRef}) current between loop syncs: a job whose
 * hiring manager changes in the candidate service must stop showing the old one its panel, and start
 * showing the new one, within {@code feedback.job-refresh.every} (15 min), not at the job's next loop.
 * Tenant by tenant with that tenant's service token; each job read outside any transaction. With several
 * replicas, one of them refreshes a tenant per {@code feedback.job-refresh.once-per} ({@link FeedbackTenants#claimJobRefresh}).
 */
@ApplicationScoped
public class JobRefRefresh {

    private static final Logger LOG = Logger.getLogger(JobRefRefresh.class);

    private final EntityManager em;
    private final CurrentTenant tenant;
    private final FeedbackTenants tenants;
    private final ServiceTokens tokens;
    private final CandidateServiceClient candidates;
    private final Duration oncePer;

    public JobRefRefresh(EntityManager em, CurrentTenant tenant, FeedbackTenants tenants, ServiceTokens tokens,
                         @RestClient CandidateServiceClient candidates,
                         @ConfigProperty(name = "feedback.job-refresh.once-per", defaultValue = "10m") Duration oncePer) {
        this.oncePer = oncePer;
        this.em = em;
        this.tenant = tenant;
        this.tenants = tenants;
        this.tokens = tokens;
        this.candidates = candidates;
    }

    @Scheduled(every = "${feedback.job-refresh.every:15m}", delayed = "${feedback.job-refresh.delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        List<String> all;
        try {
            all = tenants.all();
        } catch (SQLException e) {
            LOG.warnf("job refresh: cannot list tenants: %s", e.getMessage());
            return;
        }
        for (String tenantId : all) {
            try {
                if (!tenants.claimJobRefresh(tenantId, oncePer)) {
                    continue; // another replica refreshed this tenant's jobs within the interval
                }
                int changed = refresh(tenantId);
                if (changed > 0) {
                    LOG.infof("job refresh: %d jobs of tenant %s have a new hiring manager", changed, tenantId);
                }
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("job refresh for tenant %s failed, retried on the next run: %s", tenantId, e.getMessage());
            }
        }
    }

    /** Re-reads every known job of the tenant; returns how many changed their hiring manager. */
    @ActivateRequestContext
    public int refresh(String tenantId) {
        tenant.useForBackgroundWork(tenantId);
        List<UUID> jobIds = QuarkusTransaction.requiringNew().call(() ->
                em.createQuery("select j.jobId from JobRef j order by j.jobId", UUID.class).getResultList());
        if (jobIds.isEmpty()) {
            return 0;
        }
        String authorization = tokens.authorizationFor(tenantId);
        int changed = 0;
        for (UUID jobId : jobIds) {
            CandidateServiceClient.JobRefView job;
            try {
                job = candidates.job(authorization, jobId);
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    continue; // gone from the candidate service: keep what we had, nobody new can claim it
                }
                throw new IllegalStateException("the candidate service answered " + e.getResponse().getStatus(), e);
            } catch (ProcessingException e) {
                throw new IllegalStateException("the candidate service is unreachable", e);
            }
            if (QuarkusTransaction.requiringNew().call(() -> update(job))) {
                changed++;
            }
        }
        return changed;
    }

    private boolean update(CandidateServiceClient.JobRefView job) {
        JobRef ref = em.createQuery("select j from JobRef j where j.jobId = :job", JobRef.class).setParameter("job", job.id())
                .getResultStream().findFirst().orElse(null);
        if (ref == null || job.hiringManager() == null) {
            return false;
        }
        boolean managerChanged = !Objects.equals(ref.hiringManagerSubject, job.hiringManager().subject());
        ref.title = job.title();
        ref.hiringManagerSubject = job.hiringManager().subject();
        ref.hiringManagerName = job.hiringManager().name();
        ref.hiringManagerEmail = job.hiringManager().email();
        return managerChanged;
    }
}
