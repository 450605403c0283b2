package dev.secondround.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A real PostgreSQL for tests, with no install and no Docker: an embedded server (zonky binaries)
 * by default, or the server named by {@code TEST_PG_ADMIN_URL} (a JDBC URL of a role that may
 * create roles and databases, with {@code TEST_PG_ADMIN_USER} / {@code TEST_PG_ADMIN_PASSWORD}).
 * Each test JVM gets a fresh database; the service connects as a role that owns nothing.
 */
public final class RealPostgres {

    private static EmbeddedPostgres embedded;
    private static String adminUrl;
    private static String adminUser;
    private static String adminPassword;

    private RealPostgres() {
    }

    public static synchronized void start() {
        if (adminUrl != null) {
            return;
        }
        String external = System.getenv("TEST_PG_ADMIN_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            adminUser = envOr("TEST_PG_ADMIN_USER", "postgres");
            adminPassword = envOr("TEST_PG_ADMIN_PASSWORD", "");
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(RealPostgres::stopEmbedded));
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
        adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        adminUser = "postgres";
        adminPassword = "postgres";
    }

    /** Creates a fresh database and the owner / application roles of one service, and describes them. */
    public static synchronized ServiceDatabase createServiceDatabase(String service) {
        start();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = (service + "_test_" + suffix).toLowerCase(Locale.ROOT);
        String owner = service + "_owner";
        String app = service + "_app";
        String password = service + "-test-password";
        try (Connection connection = DriverManager.getConnection(adminUrl, adminUser, adminPassword);
             Statement sql = connection.createStatement()) {
            createRoleIfMissing(sql, owner, password);
            // The application role: may log in, owns nothing, cannot bypass row-level security.
            createRoleIfMissing(sql, app, password);
            sql.execute("alter role " + app + " nosuperuser nobypassrls");
            sql.execute("create database " + database + " owner " + owner);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        int query = url.indexOf('?');
        if (query >= 0) {
            url = url.substring(0, query);
        }
        return new ServiceDatabase(url, owner, password, app, password);
    }

    private static void createRoleIfMissing(Statement sql, String role, String password) throws SQLException {
        sql.execute("""
                do $$ begin
                  if not exists (select 1 from pg_roles where rolname = '%1$s') then
                    create role %1$s login password '%2$s';
                  end if;
                end $$""".formatted(role, password));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static synchronized void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
            embedded = null;
        }
    }

    /** Where a service's test database lives and who may do what in it. */
    public record ServiceDatabase(String jdbcUrl, String ownerUser, String ownerPassword, String appUser, String appPassword) {
    }
}
