package dev.secondround.feedback.reminder;

import dev.secondround.platform.tenant.CurrentTenant;
import dev.secondround.platform.tenant.TenantLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
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
}
