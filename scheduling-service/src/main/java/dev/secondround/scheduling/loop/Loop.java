package dev.secondround.scheduling.loop;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A second-round loop: the candidate's day of sessions for one application's round, from draft to booked. */
@Entity
@Table(name = "loop")
public class Loop extends TenantOwnedEntity {

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String title;

    @Column(name = "time_zone", nullable = false, updatable = false)
    public String timeZone;

    /** The day of the loop in its zone; null until booked. */
    public LocalDate day;

    /** First session's start and last session's end once booked: IN_PROGRESS and COMPLETED follow from them. */
    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    /** The interview round of the application (null on loops from before rounds were recorded). */
    @Column(updatable = false)
    public Integer round;

    @Column(name = "round_name", updatable = false)
    public String roundName;

    @Column(name = "candidate_id", updatable = false)
    public UUID candidateId;

    /** As the candidate service had it when the loop was created: printed on itineraries and invites. */
    @Column(name = "candidate_name", updatable = false)
    public String candidateName;

    @Column(name = "candidate_email", updatable = false)
    public String candidateEmail;

    @Column(name = "job_id", updatable = false)
    public UUID jobId;

    @Column(name = "job_title", updatable = false)
    public String jobTitle;

    /** The options offered to the candidate while PROPOSED (JSON list of options as posted). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "proposed_options")
    public String proposedOptions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LoopStatus status = LoopStatus.DRAFT;

    /** The planning request it was booked from, kept so fresh options can be offered later. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String plan;

    @Column(name = "booked_by", nullable = false, updatable = false)
    public String bookedBy;

    @Column(name = "cancelled_reason")
    public String cancelledReason;

    /**
     * Stored: DRAFT, PROPOSED, BOOKED, CANCELLED. IN_PROGRESS and COMPLETED are what a BOOKED loop is
     * once its first session has started or its last one has ended ({@link #statusAt}).
     */
    public enum LoopStatus {
        DRAFT, PROPOSED, BOOKED, IN_PROGRESS, COMPLETED, CANCELLED
    }

    public LoopStatus statusAt(Instant now) {
        if (status != LoopStatus.BOOKED || startsAt == null) {
            return status;
        }
        if (!now.isBefore(endsAt)) {
            return LoopStatus.COMPLETED;
        }
        return now.isBefore(startsAt) ? LoopStatus.BOOKED : LoopStatus.IN_PROGRESS;
    }
}
