package dev.secondround.feedback.loop;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A booked (or since cancelled) loop as the scheduling service last told us; the requests hang off it. */
@Entity
@Table(name = "feedback_loop")
public class FeedbackLoop extends TenantOwnedEntity {

    @Column(name = "loop_id", nullable = false, updatable = false)
    public UUID loopId;

    /** The scheduling service's version of the loop: an older update arriving late is ignored. */
    @Column(name = "loop_version", nullable = false)
    public long loopVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(name = "candidate_id")
    public UUID candidateId;

    @Column(name = "candidate_name")
    public String candidateName;

    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "job_title")
    public String jobTitle;

    public Integer round;

    @Column(name = "round_name")
    public String roundName;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public LocalDate day;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public enum Status {
        BOOKED, CANCELLED
    }
}
