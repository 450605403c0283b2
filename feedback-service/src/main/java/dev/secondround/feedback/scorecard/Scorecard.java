package dev.secondround.feedback.scorecard;

import dev.secondround.feedback.template.ScorecardTemplate;
import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One participant's opinion of the candidate for one loop: a draft until submitted, then revised with history. */
@Entity
@Table(name = "scorecard")
public class Scorecard extends TenantOwnedEntity {

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(name = "job_id", updatable = false)
    public UUID jobId;

    @Column(updatable = false)
    public Integer round;

    @Column(name = "author_subject", nullable = false, updatable = false)
    public String authorSubject;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(name = "author_title")
    public String authorTitle;

    @Column(name = "role_kind")
    public String roleKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ScorecardTemplate.Form form;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.DRAFT;

    /** Attribute key → rating 1..4 (kept in the template's order). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Integer> ratings = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    public Recommendation recommendation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Answer> answers = new ArrayList<>();

    public String notes;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** 0 while a draft; 1 at the first submission, +1 for every change after it. */
    @Column(nullable = false)
    public int revision;

    @Schema(name = "ScorecardStatus")
    public enum Status {
        DRAFT, SUBMITTED
    }

    /** The overall recommendation; {@link #positive()} splits the panel into yes and no. */
    public enum Recommendation {
        STRONG_NO, NO, YES, STRONG_YES;

        public boolean positive() {
            return this == YES || this == STRONG_YES;
        }
    }

    public record Answer(String question, String answer) {
    }
}
