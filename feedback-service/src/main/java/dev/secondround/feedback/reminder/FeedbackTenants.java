package dev.secondround.feedback.reminder;

import dev.secondround.platform.tenant.CurrentTenant;
import dev.secondround.platform.tenant.TenantLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The tenants that have feedback requests (table {@code feedback_tenant}, ids only, no row-level
 * security), so background work can go tenant by tenant without ever reading across tenants. A
 * separate table rather than {@code outbox_tenant}: that one means "has outbox work" and is read by
 * the relay every few seconds, and a tenant gets outbox work only after a first reminder was queued,
 * which needs this list first.
 */
@ApplicationScoped
public class FeedbackTenants {

    private final EntityManager em;
    private final CurrentTenant tenant;
    private final DataSource dataSource;

    public FeedbackTenants(EntityManager em, CurrentTenant tenant, DataSource dataSource) {
        this.em = em;
        this.tenant = tenant;
        this.dataSource = dataSource;
    }

    /** Notes the current tenant as one with feedback requests; part of the loop sync's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register() {
        em.createNativeQuery("insert into feedback_tenant (tenant_id) values (:tenant) on conflict do nothing")
                .setParameter("tenant", tenant.require()).executeUpdate();
    }

    /** Every tenant with feedback requests. */
    public List<String> all() throws SQLException {
        return TenantLists.read(dataSource, "feedback_tenant");
    }

    /**
     * Claims the refresh of {@code tenantId}'s jobs for this replica: true for the first caller, then false
     * for everyone (this replica included) until {@code oncePer} has passed. One atomic UPDATE, so with
     * several replicas exactly one of them reads the tenant's jobs from the candidate service per interval.
     */
    public boolean claimJobRefresh(String tenantId, Duration oncePer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     update feedback_tenant set jobs_refreshed_at = now()
                      where tenant_id = ? and (jobs_refreshed_at is null or jobs_refreshed_at <= now() - make_interval(secs => ?))""")) {
            claim.setString(1, tenantId);
            claim.setDouble(2, oncePer.toMillis() / 1000.0);
            return claim.executeUpdate() == 1;
        }
    }
}
