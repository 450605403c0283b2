package dev.secondround.feedback.decision;

import dev.secondround.feedback.decision.Decision.DeliveryStatus;
import dev.secondround.feedback.decision.Decision.Outcome;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of decisions. */
public final class DecisionApi {

    private DecisionApi() {
    }

    @Schema(name = "DecisionRequest", description = "The hiring manager's decision after a round. The application's stage in the "
            + "candidate service follows: NEXT_ROUND → ROUND (round + 1), FINALIST, OFFER, REJECT → REJECTED.")
    public record DecisionRequest(
            @NotNull @Schema(examples = "OFFER") Outcome outcome,
            @NotBlank @Size(max = 5000) @Schema(description = "Why; shown in the application's stage history",
                    examples = "Strongest systems design of the finalists; the panel was unanimous on team fit.") String rationale,
            @Min(1) @Max(6) @Schema(description = "The round decided on; default: the latest round with an interview loop for the application",
                    examples = "2") Integer round) {
    }

    @Schema(name = "Decision")
    public record DecisionView(
            UUID id,
            UUID applicationId,
            UUID jobId,
            @Schema(examples = "2") Integer round,
            @Schema(examples = "OFFER") Outcome outcome,
            @Schema(description = "Null while the caller still owes their own scorecard for the candidate (anti-anchoring)")
            String rationale,
            @Schema(description = "True when the rationale is hidden from you until your own scorecard is in")
            boolean rationaleHidden,
            DecidedBy decidedBy,
            Delivery delivery,
            @Schema(examples = "2026-11-20T16:30:00Z") Instant createdAt,
            Instant updatedAt,
            long version) {

        public static DecisionView of(Decision d) {
            return of(d, false);
        }

        /** {@code hideRationale}: the rationale sums up the panel, so it is hidden like the panel's scorecards. */
        public static DecisionView of(Decision d, boolean hideRationale) {
            return new DecisionView(d.getId(), d.applicationId, d.jobId, d.round, d.outcome, hideRationale ? null : d.rationale,
                    hideRationale,
                    new DecidedBy(d.decidedBySubject, d.decidedByName),
                    new Delivery(d.deliveryStatus, d.deliveryAttempts, d.deliveryError, d.appliedAt, d.appliedStage,
                            "ROUND".equals(d.appliedStage) ? d.target().round() : null),
                    d.getCreatedAt(), d.getUpdatedAt(), d.getVersion());
        }
    }

    @Schema(name = "DecisionDecidedBy")
    public record DecidedBy(@Schema(description = "OIDC subject") String subject,
                            @Schema(examples = "Siobhán Ní Bhriain") String name) {
    }

    @Schema(name = "DecisionDelivery", description = "Applying the decision to the application's stage in the candidate service")
    public record Delivery(
            @Schema(description = "PENDING (queued or being retried), APPLIED, REFUSED (by the candidate service's stage rules; final) "
                    + "or FAILED (retries exhausted; POST /v1/decisions/{id}/delivery queues it again)") DeliveryStatus status,
            @Schema(description = "Attempts so far", examples = "1") int attempts,
            @Schema(description = "Why the last attempt did not apply it (REFUSED: the candidate service's reason)",
                    examples = "the application is REJECTED; it cannot move any more") String lastError,
            Instant appliedAt,
            @Schema(description = "The application's stage once applied", examples = "OFFER") String appliedStage,
            @Schema(description = "With appliedStage ROUND: the round", examples = "3") Integer appliedRound) {
    }
}
