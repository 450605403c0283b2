package dev.secondround.platform.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Background work (outbox relays, reminder jobs) goes tenant by tenant and must learn which tenants
 * have work without reading across tenants: each keeps a table of tenant ids only ({@code outbox_tenant},
 * {@code feedback_tenant}), without row-level security, read here.
 */
public final class TenantLists {

    private TenantLists() {
    }

    /**
     * The tenant ids in {@code table} (a {@code tenant_id} column), in order. Plain JDBC: Hibernate opens
     * no session without a tenant. {@code table} is a constant of the caller, never user input.
     */
    public static List<String> read(DataSource dataSource, String table) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select tenant_id from " + table + " order by tenant_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tenants.add(rows.getString(1));
            }
        }
        return tenants;
    }
}
