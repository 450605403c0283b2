package dev.secondround.platform.outbox;

import dev.secondround.platform.observability.TraceParent;
import dev.secondround.platform.persistence.NativeValues;
import dev.secondround.platform.tenant.CurrentTenant;
import dev.secondround.platform.tenant.TenantLists;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers due outbox messages, tenant by tenant (each with that tenant set, so row-level security
 * holds for the relay too). A message is claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances of a service can relay side by side; failures back off exponentially (10 s doubling, at
 * most an hour) and a message is marked FAILED after its handler's {@link OutboxHandler#maxAttempts()}
 * (by default {@code platform.outbox.max-attempts}; a handler may retry forever instead).
 *
 * <p>Each delivery is a span continuing the trace that queued the message (its stored traceparent), so
 * the handler's calls carry that trace id to the receiving service (ADR 0009). After each run the
 * relay reads how many messages wait and for how long, for {@link OutboxMetrics}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private enum Outcome { DELIVERED, RETRY, GAVE_UP }

    private record Attempt(String topic, Outcome outcome) {
    }

    private final EntityManager em;
    private final CurrentTenant tenant;
    private final Map<String, OutboxHandler> handlers = new HashMap<>();
    private final int maxAttempts;
    private final DataSource dataSource;
    private final OutboxMetrics metrics;
    private final Tracer tracer;

    public OutboxRelay(EntityManager em, CurrentTenant tenant, Instance<OutboxHandler> handlers, DataSource dataSource,
                       OutboxMetrics metrics, Tracer tracer,
                       @ConfigProperty(name = "platform.outbox.max-attempts", defaultValue = "12") int maxAttempts) {
        this.dataSource = dataSource;
        this.em = em;
        this.tenant = tenant;
        this.metrics = metrics;
        this.tracer = tracer;
        handlers.forEach(h -> this.handlers.put(h.topic(), h));
        this.maxAttempts = maxAttempts;
        metrics.register(this.handlers.keySet());
    }

    /** Relays what is due now for every tenant; returns how many messages were delivered. */
    public int relayDue() {
        List<String> tenants;
        try {
            tenants = TenantLists.read(dataSource, "outbox_tenant");
        } catch (SQLException e) {
            LOG.warnf("outbox: cannot list tenants: %s", e.getMessage());
            return 0;
        }
        int delivered = 0;
        Map<String, OutboxMetrics.Pending> pending = new HashMap<>();
        boolean complete = true;
        for (String tenantId : tenants) {
            delivered += relayTenant(tenantId);
            complete &= pendingOf(tenantId, pending);
        }
        if (complete) {
            metrics.pending(pending);
        }
        return delivered;
    }

    @ActivateRequestContext
    int relayTenant(String tenantId) {
        tenant.useForBackgroundWork(tenantId);
        int delivered = 0;
        for (int i = 0; i < 100; i++) {
            Attempt attempt = QuarkusTransaction.requiringNew().call(this::relayOne);
            if (attempt == null) {
                break;
            }
            // Counted once the outcome is committed, so the counters agree with the table.
            switch (attempt.outcome()) {
                case DELIVERED -> {
                    metrics.delivered(attempt.topic());
                    delivered++;
                }
                case RETRY -> metrics.retried(attempt.topic());
                case GAVE_UP -> metrics.failed(attempt.topic());
            }
        }
        return delivered;
    }

    /** Adds the tenant's pending messages per topic to {@code into}; false when they could not be read. */
    @ActivateRequestContext
    boolean pendingOf(String tenantId, Map<String, OutboxMetrics.Pending> into) {
        tenant.useForBackgroundWork(tenantId);
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> result = em.createNativeQuery("""
                        select topic, count(*), min(created_at) from outbox_message
                        where status = 'PENDING' group by topic""").getResultList();
                return result;
            });
            for (Object[] row : rows) {
                OutboxMetrics.Pending mine = new OutboxMetrics.Pending(((Number) row[1]).longValue(), NativeValues.instant(row[2]));
                into.merge((String) row[0], mine, OutboxRelay::combine);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("outbox: cannot count pending messages: %s", e.getMessage());
            return false;
        }
    }

    private static OutboxMetrics.Pending combine(OutboxMetrics.Pending a, OutboxMetrics.Pending b) {
        Instant oldest = a.oldestQueuedAt() == null || (b.oldestQueuedAt() != null && b.oldestQueuedAt().isBefore(a.oldestQueuedAt()))
                ? b.oldestQueuedAt() : a.oldestQueuedAt();
        return new OutboxMetrics.Pending(a.count() + b.count(), oldest);
    }

    /** One due message, claimed, delivered and recorded in one transaction; null when none is due. */
    private Attempt relayOne() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, tenant_id, topic, cast(payload as text), attempts, traceparent from outbox_message
                        where status = 'PENDING' and next_attempt_at <= now()
                        order by next_attempt_at, id limit 1 for update skip locked""").getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        OutboxMessage message = new OutboxMessage((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue());
        OutboxHandler handler = handlers.get(message.topic());
        Span span = tracer.spanBuilder("outbox " + message.topic())
                .setParent(TraceParent.parent((String) row[5]))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "outbox")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", message.topic())
                .setAttribute("messaging.message.id", message.id().toString())
                .setAttribute("outbox.attempt", message.attempts() + 1L)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            if (handler == null) {
                throw new IllegalStateException("no handler for topic " + message.topic());
            }
            // Its own transaction: a failing handler (rollback-only) must not undo the claim's record of the failure.
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    handler.deliver(message);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            em.createNativeQuery("update outbox_message set status = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), "
                    + "last_error = null where id = :id").setParameter("id", message.id()).executeUpdate();
            return new Attempt(message.topic(), Outcome.DELIVERED);
        } catch (Exception e) {
            int attempts = message.attempts() + 1;
            boolean giveUp = attempts >= attemptLimit(handler);
            long backoff = Math.min(3600, 10L << Math.min(attempts - 1, 20));
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, giveUp ? "given up" : "retried later");
            try (Scope ignored = span.makeCurrent()) {
                LOG.warnf("outbox %s %s attempt %d failed%s: %s", message.topic(), message.id(), attempts,
                        giveUp ? " (giving up)" : ", retry in " + backoff + " s", e.toString());
            }
            em.createNativeQuery("update outbox_message set attempts = :attempts, last_error = :error, "
                            + "status = :status, next_attempt_at = :next where id = :id")
                    .setParameter("attempts", attempts)
                    .setParameter("error", abbreviate(String.valueOf(e.getMessage())))
                    .setParameter("status", giveUp ? "FAILED" : "PENDING")
                    .setParameter("next", OffsetDateTime.now(ZoneOffset.UTC).plus(Duration.ofSeconds(backoff)))
                    .setParameter("id", message.id()).executeUpdate();
            return new Attempt(message.topic(), giveUp ? Outcome.GAVE_UP : Outcome.RETRY);
        } finally {
            span.end();
        }
    }

    /** The handler's own limit, else the platform's (also for a topic without handler: it fails loudly, in the end). */
    private int attemptLimit(OutboxHandler handler) {
        int own = handler == null ? OutboxHandler.PLATFORM_LIMIT : handler.maxAttempts();
        return own > 0 ? own : maxAttempts;
    }

    private static String abbreviate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }
}
