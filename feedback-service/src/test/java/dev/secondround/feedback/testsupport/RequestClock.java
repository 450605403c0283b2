package dev.secondround.feedback.testsupport;

import dev.secondround.platform.tenant.CurrentTenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Moves a request's last reminder back in time, as if the reminder interval had passed (no API does this). */
@ApplicationScoped
public class RequestClock {

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant tenant;

    @ActivateRequestContext
    public void lastRemindedAgo(String tenantId, String requestId, Duration ago) {
        tenant.useForBackgroundWork(tenantId);
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update FeedbackRequest r set r.lastRemindedAt = :at where r.id = :id")
                .setParameter("at", Instant.now().minus(ago)).setParameter("id", UUID.fromString(requestId)).executeUpdate());
    }
}
