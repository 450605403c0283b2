package dev.secondround.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL 17 for {@code ./run-local}, with no installation: zonky's embedded binaries, a fixed data
 * directory under {@code <repo>/.local/pgdata} that survives restarts, and (idempotently) the database
 * and roles every service expects:
 * <ul>
 *     <li>database {@code secondround};</li>
 *     <li>per service ({@code candidate}, {@code scheduling}, {@code feedback}) a {@code <svc>_owner} role that
 *     may create its schema (Flyway runs as it) and a {@code <svc>_app} role the service connects as:
 *     LOGIN, NOSUPERUSER, NOBYPASSRLS, owning nothing, so row-level security applies to it.</li>
 * </ul>
 * Passwords are the local defaults the services use ({@code <svc>-owner-local}, {@code <svc>-app-local}) and
 * are really checked (scram-sha-256); only the {@code postgres} superuser may connect without one, and only
 * from this machine. Prints {@code postgres ready on <port>} once everything exists, then runs until killed;
 * a shutdown hook stops the server cleanly (SIGINT/SIGTERM).
 * <p>
 * System properties: {@code secondround.root} (repository root; default the working directory),
 * {@code secondround.pg.port} (default 55432), {@code secondround.pg.data} (default {@code <root>/.local/pgdata}).
 */
public final class LocalPostgres {

    static final String DATABASE = "secondround";
    static final List<String> SERVICES = List.of("candidate", "scheduling", "feedback");

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("secondround.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        int port = Integer.parseInt(System.getProperty("secondround.pg.port", "55432"));
        Path dataDirectory = Path.of(System.getProperty("secondround.pg.data", root.resolve(".local/pgdata").toString()));
        Files.createDirectories(dataDirectory);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setDataDirectoryCustomizer(LocalPostgres::writeClientAuthentication)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky starts the server with -F and synchronous_commit=off (fine for throw-away test
                // databases); this data directory is kept, so make it crash-safe again.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping postgres on " + port);
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("could not stop postgres cleanly: " + e);
            }
            System.out.println("postgres stopped");
            System.out.flush();
            stopped.countDown();
        }, "local-postgres-shutdown"));

        try {
            prepare(postgres);
        } catch (SQLException e) {
            System.err.println("could not create the database and roles: " + e.getMessage());
            System.exit(1);
        }

        System.out.println("postgres ready on " + port + " (data in " + dataDirectory + ")");
        System.out.flush();
        stopped.await();
    }

    /** Creates what is missing and re-asserts the roles' attributes; safe on every start. */
    static void prepare(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8'");
            }
            for (String service : SERVICES) {
                String owner = service + "_owner";
                String app = service + "_app";
                ensureRole(connection, owner, service + "-owner-local");
                ensureRole(connection, app, service + "-app-local");
                // The owner creates its schema (Flyway) and everything in it; the app role only gets data rights
                // on the tables, granted by the migrations.
                statement.execute("grant connect, create on database " + DATABASE + " to " + owner);
                statement.execute("grant connect on database " + DATABASE + " to " + app);
            }
        }
    }

    private static void ensureRole(Connection connection, String role, String password) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", role)) {
                statement.execute("create role " + role);
            }
            statement.execute("alter role " + role + " with login nosuperuser nocreatedb nocreaterole noreplication"
                    + " nobypassrls inherit password " + quote(password));
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }

    /** Runs before every server start: passwords required for everyone but the local superuser. */
    private static void writeClientAuthentication(File dataDirectory) {
        String hba = """
                # Written by dev.secondround.localstack.LocalPostgres on every start (edits are overwritten).
                # The postgres superuser connects without a password, from this machine only (LocalPostgres
                # uses it to create the database and roles). Every other role must present its password.
                local   all   postgres                 trust
                host    all   postgres   127.0.0.1/32  trust
                host    all   postgres   ::1/128       trust
                local   all   all                      scram-sha-256
                host    all   all        127.0.0.1/32  scram-sha-256
                host    all   all        ::1/128       scram-sha-256
                """;
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
