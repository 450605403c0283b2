package dev.secondround.platform.outbox;

import dev.secondround.platform.tenant.CurrentTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers due outbox messages, tenant by tenant (each with that tenant set, so row-level security
 * holds for the relay too). A message is claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances of a service can relay side by side; failures back off exponentially (10 s doubling, at
 * most an hour) and a message is marked FAILED after its handler's {@link OutboxHandler#maxAttempts()}
 * (by default {@code platform.outbox.max-attempts}; a handler may retry forever instead).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final CurrentTenant tenant;
    private final Map<String, OutboxHandler> handlers = new HashMap<>();
    private final int maxAttempts;

    private final javax.sql.DataSource dataSource;

    public OutboxRelay(EntityManager em, CurrentTenant tenant, Instance<OutboxHandler> handlers, javax.sql.DataSource dataSource,
                       @ConfigProperty(name = "platform.outbox.max-attempts", defaultValue = "12") int maxAttempts) {
        this.dataSource = dataSource;
        this.em = em;
        this.tenant = tenant;
        handlers.forEach(h -> this.handlers.put(h.topic(), h));
        this.maxAttempts = maxAttempts;
    }

    /** Relays what is due now for every tenant; returns how many messages were delivered. */
    public int relayDue() {
        List<String> tenants;
        try {
            tenants = dev.secondround.platform.tenant.TenantLists.read(dataSource, "outbox_tenant");
        } catch (java.sql.SQLException e) {
            LOG.warnf("outbox: cannot list tenants: %s", e.getMessage());
            return 0;
        }
        int delivered = 0;
        for (String tenantId : tenants) {
            delivered += relayTenant(tenantId);
        }
        return delivered;
    }

    @ActivateRequestContext
    int relayTenant(String tenantId) {
        tenant.useForBackgroundWork(tenantId);
        int delivered = 0;
        for (int i = 0; i < 100; i++) {
            Boolean result = QuarkusTransaction.requiringNew().call(this::relayOne);
            if (result == null) {
                break;
            }
            delivered += result ? 1 : 0;
        }
        return delivered;
    }

    /** One due message, claimed, delivered and recorded in one transaction; null when none is due. */
    private Boolean relayOne() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, tenant_id, topic, cast(payload as text), attempts from outbox_message
                        where status = 'PENDING' and next_attempt_at <= now()
                        order by next_attempt_at, id limit 1 for update skip locked""").getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        OutboxMessage message = new OutboxMessage((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                ((Number) row[4]).intValue());
        OutboxHandler handler = handlers.get(message.topic());
        try {
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
            return true;
        } catch (Exception e) {
            int attempts = message.attempts() + 1;
            boolean giveUp = attempts >= attemptLimit(handler);
            long backoff = Math.min(3600, 10L << Math.min(attempts - 1, 20));
            LOG.warnf("outbox %s %s attempt %d failed%s: %s", message.topic(), message.id(), attempts,
                    giveUp ? " (giving up)" : ", retry in " + backoff + " s", e.toString());
            em.createNativeQuery("update outbox_message set attempts = :attempts, last_error = :error, "
                            + "status = :status, next_attempt_at = :next where id = :id")
                    .setParameter("attempts", attempts)
                    .setParameter("error", abbreviate(String.valueOf(e.getMessage())))
                    .setParameter("status", giveUp ? "FAILED" : "PENDING")
                    .setParameter("next", OffsetDateTime.now(ZoneOffset.UTC).plus(Duration.ofSeconds(backoff)))
                    .setParameter("id", message.id()).executeUpdate();
            return false;
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
