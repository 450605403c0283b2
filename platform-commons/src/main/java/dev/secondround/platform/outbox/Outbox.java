package dev.secondround.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.platform.observability.TraceParent;
import dev.secondround.platform.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Transactional outbox: work that must happen after a change commits (a mail, a call to another
 * service) is written in the same transaction as the change, so it exists exactly when the change
 * does, and {@link OutboxRelay} delivers it afterwards, retrying until it succeeds. A service using it
 * creates the tables {@code outbox_message} (under row-level security) and {@code outbox_tenant} (the
 * tenants with outbox work, so the relay can find them without reading across tenants) in its own
 * migration, and schedules {@link OutboxRelay#relayDue()}. The message keeps the W3C traceparent of the
 * work that queued it, and its delivery continues that trace (ADR 0009).
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final CurrentTenant tenant;
    private final ObjectMapper json;

    public Outbox(EntityManager em, CurrentTenant tenant, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.json = json;
    }

    /** Queues {@code payload} for the handler of {@code topic}; must run inside the change's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, Object payload) {
        UUID id = UUID.randomUUID();
        String tenantId = tenant.require();
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox payload is not serialisable", e);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createNativeQuery("""
                        insert into outbox_message (id, tenant_id, topic, payload, status, attempts, next_attempt_at, created_at, traceparent)
                        values (:id, :tenant, :topic, cast(:payload as jsonb), 'PENDING', 0, :now, :now, cast(:traceparent as text))""")
                .setParameter("id", id).setParameter("tenant", tenantId).setParameter("topic", topic)
                .setParameter("payload", body).setParameter("now", now)
                .setParameter("traceparent", TraceParent.current().orElse(null)).executeUpdate();
        em.createNativeQuery("insert into outbox_tenant (tenant_id) values (:tenant) on conflict do nothing")
                .setParameter("tenant", tenantId).executeUpdate();
        return id;
    }
}
