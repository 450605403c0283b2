package dev.secondround.candidate.followup;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** Something the candidate sent an interviewer after a round, e.g. a thank-you note. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends TenantOwnedEntity {

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public int round;

    @Column(name = "interviewer_name", nullable = false)
    public String interviewerName;

    @Column(name = "interviewer_email")
    public String interviewerEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FollowUpKind kind;

    @Column(name = "sent_on", nullable = false)
    public LocalDate sentOn;

    public String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    public enum FollowUpKind {
        THANK_YOU_NOTE, CHECK_IN, OTHER
    }
}
