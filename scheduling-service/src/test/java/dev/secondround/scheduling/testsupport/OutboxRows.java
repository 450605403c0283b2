package dev.secondround.scheduling.testsupport;

import dev.secondround.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What this service's outbox holds, read straight from PostgreSQL (as the owner, inside the tenant's RLS). */
public final class OutboxRows {

    public record Row(String topic, String status, int attempts, String lastError, Instant nextAttemptAt) {
    }

    private OutboxRows() {
    }

    /** The messages of a topic about one loop, oldest first. */
    public static List<Row> aboutLoop(String tenant, String topic, String loopId) {
        return query(tenant, "select topic, status, attempts, last_error, next_attempt_at from outbox_message "
                + "where topic = ? and payload ->> 'loopId' = ? order by created_at, id", topic, loopId);
    }

    public static int count(String tenant, String topic) {
        return query(tenant, "select topic, status, attempts, last_error, next_attempt_at from outbox_message where topic = ?", topic).size();
    }

    /** Waits until the loop's only message of the topic matches; fails the test after {@code timeout}. */
    public static Row awaitOnly(String tenant, String topic, String loopId, Predicate<Row> matching, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<Row> rows = List.of();
        while (Instant.now().isBefore(deadline)) {
            rows = aboutLoop(tenant, topic, loopId);
            if (rows.size() == 1 && matching.test(rows.get(0))) {
                return rows.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the " + topic + " message of loop " + loopId + " did not get there within " + timeout + ": " + rows);
    }

    /** Waits until every message of the topic about the loop matches. */
    public static List<Row> awaitAll(String tenant, String topic, String loopId, Predicate<Row> matching, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<Row> rows = List.of();
        while (Instant.now().isBefore(deadline)) {
            rows = aboutLoop(tenant, topic, loopId);
            if (!rows.isEmpty() && rows.stream().allMatch(matching)) {
                return rows;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the " + topic + " messages of loop " + loopId + " did not all get there within " + timeout + ": " + rows);
    }

    /**
     * As if the loop's pending messages of the topic had failed {@code attempts} times already and their
     * backoff were over: the next relay run tries them again. Hours of an outage without the waiting.
     */
    public static void failedSoFar(String tenant, String topic, String loopId, int attempts) {
        update(tenant, "update outbox_message set attempts = ?, next_attempt_at = now() "
                + "where topic = ? and payload ->> 'loopId' = ? and status = 'PENDING'", attempts, topic, loopId);
    }

    /** A message as {@code Outbox.enqueue} writes it, but having failed {@code attempts} times already; due now. */
    public static void queued(String tenant, String topic, String payloadJson, int attempts) {
        update(tenant, "insert into outbox_message (id, tenant_id, topic, payload, status, attempts, next_attempt_at, created_at) "
                + "values (gen_random_uuid(), ?, ?, cast(? as jsonb), 'PENDING', ?, now(), now())", tenant, topic, payloadJson, attempts);
    }

    /** A message of {@code topic} queued {@code age} ago, having failed {@code attempts} times already; due now. */
    public static void queued(String tenant, String topic, String payloadJson, int attempts, java.time.Duration age) {
        update(tenant, "insert into outbox_message (id, tenant_id, topic, payload, status, attempts, next_attempt_at, created_at) "
                        + "values (gen_random_uuid(), ?, ?, cast(? as jsonb), 'PENDING', ?, now(), now() - make_interval(secs => ?))",
                tenant, topic, payloadJson, attempts, (double) age.toSeconds());
    }

    private static void update(String tenant, String sql, Object... parameters) {
        var database = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             PreparedStatement setTenant = connection.prepareStatement("select set_config('app.tenant_id', ?, false)");
             PreparedStatement update = connection.prepareStatement(sql.replace("outbox_message", "scheduling.outbox_message"))) {
            setTenant.setString(1, tenant);
            setTenant.execute();
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the outbox", e);
        }
    }

    private static List<Row> query(String tenant, String sql, String... parameters) {
        var database = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.ownerUser(), database.ownerPassword());
             PreparedStatement setTenant = connection.prepareStatement("select set_config('app.tenant_id', ?, false)");
             PreparedStatement query = connection.prepareStatement(sql.replace("outbox_message", "scheduling.outbox_message"))) {
            setTenant.setString(1, tenant);
            setTenant.execute();
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getInt(3), result.getString(4),
                            result.getTimestamp(5).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
    }
}
