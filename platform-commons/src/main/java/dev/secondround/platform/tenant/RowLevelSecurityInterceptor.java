package dev.secondround.platform.tenant;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Second lock: hands the tenant to PostgreSQL as the transaction-local setting {@code app.tenant_id},
 * which every table's row-level-security policy compares with {@code tenant_id}.
 *
 * <p>Agroal calls this when a transaction first takes a connection from the pool, after enlisting it
 * (auto-commit already off), so {@code set_config(..., true)} lives exactly as long as the transaction
 * and can never leak to the next borrower. Outside a transaction, or without a tenant, nothing is set
 * and the policies show no rows and refuse every write: the failure mode is "nothing", never "all".
 */
@ApplicationScoped
public class RowLevelSecurityInterceptor implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(RowLevelSecurityInterceptor.class);

    @Override
    public void onConnectionAcquire(Connection connection) {
        Optional<String> tenant = tenantOfCurrentWork();
        if (tenant.isEmpty()) {
            return;
        }
        try {
            if (connection.getAutoCommit()) {
                LOG.debug("connection taken outside a transaction: app.tenant_id stays unset");
                return;
            }
            try (PreparedStatement statement = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                statement.setString(1, tenant.get());
                statement.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the tenant for row-level security", e);
        }
    }

    private static Optional<String> tenantOfCurrentWork() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return Optional.empty();
        }
        return Arc.container().instance(CurrentTenant.class).get().find();
    }
}
