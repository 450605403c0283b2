package dev.secondround.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for tests, with no install and no Docker: an embedded server (zonky binaries)
 * by default, or the server named by {@code TEST_PG_ADMIN_URL} (a JDBC URL of a role that may
 * create roles and databases, with {@code TEST_PG_ADMIN_USER} / {@code TEST_PG_ADMIN_PASSWORD}).
 * Each test JVM gets a fresh database; the service connects as a role that owns nothing.
 */
public final class RealPostgres {

    private static EmbeddedPostgres embedded;
    private static Path embeddedData;
    private static int embeddedPort;
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
            // Its own data directory, kept when the server stops, so a test can stop and start it again.
            embeddedData = Files.createTempDirectory("secondround-test-pg");
            embedded = embeddedServer(0).start();
            embeddedPort = embedded.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(RealPostgres::removeEmbedded));
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

    private static EmbeddedPostgres.Builder embeddedServer(int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(embeddedData)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false);
        return port == 0 ? builder : builder.setPort(port);
    }

    /** Whether this JVM runs the embedded server itself (and so can stop it); false with {@code TEST_PG_ADMIN_URL}. */
    public static synchronized boolean isEmbedded() {
        start();
        return embeddedData != null;
    }

    /**
     * Stops the embedded server, as when the database host goes away: connections break, new ones are
     * refused. Every database of this JVM goes with it. {@link #startAgain()} brings it back.
     */
    public static synchronized void stop() {
        if (!isEmbedded()) {
            throw new IllegalStateException("only the embedded server can be stopped (TEST_PG_ADMIN_URL is set)");
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new IllegalStateException("could not stop embedded PostgreSQL", e);
            }
            embedded = null;
        }
    }

    /** Starts the stopped embedded server again: same port, same data. */
    public static synchronized void startAgain() {
        if (embedded == null && embeddedData != null) {
            try {
                embedded = embeddedServer(embeddedPort).start();
            } catch (IOException e) {
                throw new IllegalStateException("could not start embedded PostgreSQL again", e);
            }
        }
    }

    private static synchronized void removeEmbedded() {
        try {
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
            if (embeddedData != null) {
                try (var files = Files.walk(embeddedData)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException ignored) {
            // the JVM is exiting; a temp directory may stay behind
        }
    }

    /** Where a service's test database lives and who may do what in it. */
    public record ServiceDatabase(String jdbcUrl, String ownerUser, String ownerPassword, String appUser, String appPassword) {

        /** The service's configuration for this database: requests as the app role, Flyway as the owner. */
        public Map<String, String> quarkusProperties() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", jdbcUrl,
                    "quarkus.datasource.username", appUser,
                    "quarkus.datasource.password", appPassword,
                    "quarkus.flyway.username", ownerUser,
                    "quarkus.flyway.password", ownerPassword,
                    "quarkus.flyway.placeholders.app_role", appUser);
        }
    }
}
