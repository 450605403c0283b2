package dev.secondround.candidate.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import dev.secondround.platform.tenant.CurrentTenant;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.RealPostgres.ServiceDatabase;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The second lock on its own. Native SQL bypasses Hibernate's tenant filter, so whatever these
 * queries see is decided by PostgreSQL row-level security alone. Each test also shows the row is
 * visible to its own tenant, so it cannot pass merely because the row is missing.
 */
@QuarkusTest
class RowLevelSecurityTest {

    @Inject
    EntityManager em;

    @Test
    void nativeQueryThroughTheApplicationSeesOnlyItsTenantsRows() {
        String candidateOfA = Pipeline.createCandidate(Api.A);
        assertEquals(1L, countCandidateAs(Api.A, candidateOfA), "control: tenant A sees its own candidate");
        assertEquals(0L, countCandidateAs(Api.B, candidateOfA), "RLS must hide A's row from B");
    }

    @Test
    void applicationRoleSeesNothingWithoutTenantAndOnlyItsTenantWithOne() throws SQLException {
        String candidateOfA = Pipeline.createCandidate(Api.A);
        ServiceDatabase db = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            connection.setAutoCommit(false);
            assertEquals(0, count(connection, candidateOfA), "no tenant set: nothing visible");
            setTenant(connection, Api.B);
            assertEquals(0, count(connection, candidateOfA), "tenant B: A's row invisible");
            connection.rollback();
            setTenant(connection, Api.A);
            assertEquals(1, count(connection, candidateOfA), "control: tenant A sees it");
            connection.rollback();

            setTenant(connection, Api.B);
            try (PreparedStatement update = connection.prepareStatement(
                    "update candidate.candidate set first_name = 'Mallory' where id = ?")) {
                update.setObject(1, UUID.fromString(candidateOfA));
                assertEquals(0, update.executeUpdate(), "tenant B cannot update A's row");
            }
            connection.rollback();

            setTenant(connection, Api.B);
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into candidate.candidate (id, tenant_id, version, created_at, updated_at, first_name,
                            last_name, email, source, owner_subject)
                        values (gen_random_uuid(), 'ambrion', 0, now(), now(), 'Eve', 'Forger', 'eve@example.org', 'OTHER', 'x')""")) {
                    insert.executeUpdate();
                }
            }, "tenant B cannot write a row of tenant A");
            assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
            connection.rollback();
        }
    }

    @Test
    void applicationRoleCannotSwitchRowLevelSecurityOff() throws SQLException {
        ServiceDatabase db = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            assertThrows(SQLException.class, () -> connection.createStatement()
                    .execute("alter table candidate.candidate disable row level security"));
            try (ResultSet role = connection.createStatement().executeQuery(
                    "select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
                role.next();
                assertEquals(false, role.getBoolean(1), "application role must not be superuser");
                assertEquals(false, role.getBoolean(2), "application role must not bypass RLS");
            }
            try (ResultSet tables = connection.createStatement().executeQuery("""
                    select count(*) from pg_tables where schemaname = 'candidate' and tablename <> 'flyway_schema_history'
                    and (tableowner = current_user or not rowsecurity)""")) {
                tables.next();
                assertEquals(0, tables.getInt(1), "every table has RLS on and none is owned by the application role");
            }
            try (ResultSet forced = connection.createStatement().executeQuery("""
                    select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'candidate' and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                    and not c.relforcerowsecurity""")) {
                forced.next();
                assertEquals(0, forced.getInt(1), "every tenant table forces RLS");
            }
        }
    }

    private long countCandidateAs(String tenant, String candidateId) {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(CurrentTenant.class).get().useForBackgroundWork(tenant);
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from candidate where id = :id")
                    .setParameter("id", UUID.fromString(candidateId))
                    .getSingleResult()).longValue());
        } finally {
            requestContext.terminate();
        }
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenant);
            set.execute();
        }
    }

    private static int count(Connection connection, String candidateId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from candidate.candidate where id = ?")) {
            query.setObject(1, UUID.fromString(candidateId));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
