package dev.secondround.feedback.request;

import dev.secondround.feedback.template.ScorecardTemplate;
import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One participant's feedback owed for one loop: made when the loop is booked, withdrawn when they
 * are replaced or the loop is cancelled, submitted with their scorecard. Someone in several sessions
 * of a loop (an interview and the lunch) owes one scorecard, on the fuller form.
 */
@Entity
@Table(name = "feedback_request")
public class FeedbackRequest extends TenantOwnedEntity {

    @Column(name = "loop_id", nullable = false, updatable = false)
    public UUID loopId;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(name = "job_id")
    public UUID jobId;

    public Integer round;

    @Column(name = "candidate_name")
    public String candidateName;

    @Column(name = "job_title")
    public String jobTitle;

    @Column(name = "interviewer_id", nullable = false, updatable = false)
    public UUID interviewerId;

    /** The token subject that may fill it in (from the scheduling directory); null: nobody can sign in for them yet. */
    @Column(name = "participant_subject")
    public String participantSubject;

    @Column(name = "participant_name", nullable = false)
    public String participantName;

    @Column(name = "participant_title")
    public String participantTitle;

    @Column(name = "participant_email")
    public String participantEmail;

    @Column(name = "role_kind")
    public String roleKind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SessionRef> sessions = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScorecardTemplate.Form form;

    @Column(name = "template_id", nullable = false)
    public UUID templateId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public TemplateSnapshot template;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    @Column(name = "reminders_sent", nullable = false)
    public int remindersSent;

    @Column(name = "last_reminded_at")
    public Instant lastRemindedAt;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    @Schema(name = "FeedbackRequestStatus")
    public enum Status {
        OPEN, SUBMITTED, WITHDRAWN
    }

    /** A session the participant was in, as printed on the request. */
    public record SessionRef(String title, String kind, Instant startsAt, Instant endsAt) {
    }

    /** The template as it was when asked: name, attributes, key questions. */
    public record TemplateSnapshot(String name, List<ScorecardTemplate.Attribute> attributes, List<String> keyQuestions) {
    }

    /** When the participant's first session with the candidate starts (empty without sessions). */
    public java.util.Optional<Instant> firstSessionStart() {
        return sessions.stream().map(SessionRef::startsAt).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder());
    }

    public boolean isOverdue(Instant now) {
        return status == Status.OPEN && now.isAfter(dueAt);
    }
}
