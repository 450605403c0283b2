package dev.secondround.feedback.reminder;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reminder to a participant, or an escalation to the job's hiring manager, about one overdue
 * feedback request: recorded when queued, with the outbox message that carries the mail (its row
 * tells whether it was delivered). One that could not be mailed is recorded with the reason.
 */
@Entity
@Table(name = "feedback_notification")
public class FeedbackNotification extends TenantOwnedEntity {

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(name = "recipient_name", updatable = false)
    public String recipientName;

    /** Null when nobody could be mailed (see {@link #notSentReason}). */
    @Column(name = "recipient_email", updatable = false)
    public String recipientEmail;

    /** The outbox message carrying the mail; one escalation mail may cover several requests of a loop. */
    @Column(name = "outbox_id", updatable = false)
    public UUID outboxId;

    @Column(name = "not_sent_reason", updatable = false)
    public String notSentReason;

    @Schema(name = "FeedbackNotificationKind")
    public enum Kind {
        /** To the participant who owes the feedback. */
        REMINDER,
        /** To the job's hiring manager, once per request. */
        ESCALATION
    }

    static FeedbackNotification mailed(UUID requestId, Kind kind, String name, String email, UUID outboxId) {
        FeedbackNotification n = new FeedbackNotification();
        n.requestId = requestId;
        n.kind = kind;
        n.recipientName = name;
        n.recipientEmail = email;
        n.outboxId = outboxId;
        return n;
    }

    static FeedbackNotification notSent(UUID requestId, Kind kind, String name, String reason) {
        FeedbackNotification n = new FeedbackNotification();
        n.requestId = requestId;
        n.kind = kind;
        n.recipientName = name;
        n.notSentReason = reason;
        return n;
    }
}
