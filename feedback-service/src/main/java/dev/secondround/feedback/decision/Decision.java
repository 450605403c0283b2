package dev.secondround.feedback.decision;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The hiring manager's decision on an application after a round, with its rationale, and how far
 * applying it to the application's stage in the candidate service has got (the delivery fields are
 * written only by {@link StageDelivery}).
 */
@Entity
@Table(name = "decision")
public class Decision extends TenantOwnedEntity {

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(name = "job_id", updatable = false)
    public UUID jobId;

    /** The round decided on: NEXT_ROUND moves the application to the round after it. */
    @Column(updatable = false)
    public Integer round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Outcome outcome;

    @Column(nullable = false, updatable = false)
    public String rationale;

    @Column(name = "decided_by_subject", nullable = false, updatable = false)
    public String decidedBySubject;

    @Column(name = "decided_by_name", nullable = false, updatable = false)
    public String decidedByName;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status", nullable = false)
    public DeliveryStatus deliveryStatus;

    @Column(name = "delivery_attempts", nullable = false)
    public int deliveryAttempts;

    @Column(name = "delivery_error")
    public String deliveryError;

    @Column(name = "applied_at")
    public Instant appliedAt;

    /** The application's stage in the candidate service once applied (ROUND, FINALIST, OFFER, REJECTED). */
    @Column(name = "applied_stage")
    public String appliedStage;

    public enum Outcome {
        /** Invite to the round after this one. */
        NEXT_ROUND,
        FINALIST,
        OFFER,
        REJECT
    }

    public enum DeliveryStatus {
        /** Queued, or being retried (the candidate service was unreachable or failed). */
        PENDING,
        /** The application's stage now reflects the decision. */
        APPLIED,
        /** The candidate service's stage rules refused it (e.g. already rejected): final, never retried. */
        REFUSED,
        /** Retries exhausted; can be queued again (POST /v1/decisions/{id}/delivery). */
        FAILED
    }

    /** The stage (and round, for ROUND) the decision moves the application to. */
    public Target target() {
        return switch (outcome) {
            // The round after the one decided on, not after whatever the application is at when delivered:
            // a redelivery after the move must find it already there rather than move it once more.
            case NEXT_ROUND -> new Target("ROUND", round + 1);
            case FINALIST -> new Target("FINALIST", null);
            case OFFER -> new Target("OFFER", null);
            case REJECT -> new Target("REJECTED", null);
        };
    }

    /** A stage in the candidate service's terms; {@code round} only with ROUND. */
    public record Target(String stage, Integer round) {

        public boolean reachedBy(String currentStage, Integer currentRound) {
            return stage.equals(currentStage) && (round == null || round.equals(currentRound));
        }

        @Override
        public String toString() {
            return round == null ? stage : stage + " " + round;
        }
    }
}
