package dev.secondround.feedback.reminder;

import dev.secondround.platform.persistence.NativeValues;
import dev.secondround.feedback.reminder.NotificationApi.Delivery;
import dev.secondround.feedback.reminder.NotificationApi.NotificationView;
import dev.secondround.feedback.request.RequestService;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The reminders and escalations of one feedback request, with the delivery state of their mails read
 * from the outbox. Whoever may see the request may see them (its participant, the job's hiring
 * manager, coordinators, recruiters, tenant admins, integrations); else 404.
 */
@ApplicationScoped
@Transactional
public class NotificationService {

    /** A qualified exception class name at the start of an error ("java.net.ConnectException: ..."): not for API bodies. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_$][a-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    private final EntityManager em;
    private final RequestService requests;

    public NotificationService(EntityManager em, RequestService requests) {
        this.em = em;
        this.requests = requests;
    }

    public Page<NotificationView> list(UUID requestId, PageParams params) {
        requests.require(requestId);
        Page<FeedbackNotification> page = KeysetQuery.of(FeedbackNotification.class)
                .and("e.requestId = :request", "request", requestId).page(em, params);
        Map<UUID, Delivery> deliveries = deliveries(page.items().stream().map(n -> n.outboxId).filter(Objects::nonNull).distinct().toList());
        return page.map(n -> new NotificationView(n.getId(), n.requestId, n.kind, n.recipientName, n.recipientEmail, n.outboxId != null,
                n.notSentReason, n.outboxId == null ? null : deliveries.get(n.outboxId), n.getCreatedAt()));
    }

    /** The outbox rows of these mails, in one query (the outbox has no entity: platform-commons writes it with SQL). */
    private Map<UUID, Delivery> deliveries(List<UUID> outboxIds) {
        Map<UUID, Delivery> deliveries = new HashMap<>();
        if (outboxIds.isEmpty()) {
            return deliveries;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, status, attempts, last_error, delivered_at from outbox_message where id in (:ids)""")
                .setParameter("ids", outboxIds).getResultList();
        for (Object[] row : rows) {
            deliveries.put((UUID) row[0], new Delivery((String) row[1], ((Number) row[2]).intValue(), clean((String) row[3]),
                    NativeValues.instant(row[4])));
        }
        return deliveries;
    }

    private static String clean(String error) {
        return error == null ? null : CLASS_NAME.matcher(error).replaceAll("").strip();
    }

}
