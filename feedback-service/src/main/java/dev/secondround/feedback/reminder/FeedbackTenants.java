package dev.secondround.feedback.reminder;

import dev.secondround.platform.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** Every tenant with feedback requests. Plain JDBC: Hibernate opens no session without a tenant. */
    public List<String> all() throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select tenant_id from feedback_tenant order by tenant_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tenants.add(rows.getString(1));
            }
        }
        return tenants;
    }
}
