package dev.secondround.feedback.reminder;

import dev.secondround.feedback.reminder.FeedbackNotification.Kind;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of /v1/feedback-requests/{requestId}/notifications. */
public final class NotificationApi {

    private NotificationApi() {
    }

    @Schema(name = "FeedbackNotification", description = "A reminder to the participant or an escalation to the job's hiring manager, "
            + "with the delivery of its mail")
    public record NotificationView(
            UUID id, UUID requestId,
            @Schema(description = "REMINDER (to the participant) or ESCALATION (to the job's hiring manager, once)") Kind kind,
            @Schema(examples = "Aiko Tanaka-Brandt") String recipientName,
            @Schema(description = "Null when it was not mailed", examples = "aiko.tanaka-brandt@helix.example") String recipientEmail,
            @Schema(description = "False: recorded only, see notSentReason") boolean mailed,
            @Schema(examples = "no email address in the directory for Aiko Tanaka-Brandt") String notSentReason,
            @Schema(description = "The mail's delivery; null when it was not mailed") Delivery delivery,
            @Schema(description = "When it was recorded and its mail queued") Instant createdAt) {
    }

    @Schema(name = "FeedbackNotificationDelivery")
    public record Delivery(
            @Schema(description = "PENDING (queued or being retried), DELIVERED (handed to the mail server) or FAILED (gave up)",
                    examples = "DELIVERED") String status,
            @Schema(examples = "1") int attempts,
            @Schema(description = "Why the last attempt failed") String lastError,
            Instant deliveredAt) {
    }
}
