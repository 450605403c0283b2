package dev.secondround.feedback.template;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a participant is asked: attributes rated 1–4, an overall recommendation, key questions. A
 * template applies to a job, a round and session kinds (each optional); the most specific active
 * match is used when a feedback request is made.
 */
@Entity
@Table(name = "scorecard_template")
public class ScorecardTemplate extends TenantOwnedEntity {

    @Column(nullable = false)
    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Form form;

    @Column(name = "job_id")
    public UUID jobId;

    public Integer round;

    /** Session kinds (INTERVIEW, PANEL, TECHNICAL, EXECUTIVE, TOUR, LUNCH); empty means any. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "session_kinds", nullable = false)
    public List<String> sessionKinds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Attribute> attributes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "key_questions", nullable = false)
    public List<String> keyQuestions = new ArrayList<>();

    @Column(nullable = false)
    public boolean active = true;

    /** FULL for interviews; LIGHT (fewer attributes, same recommendation) for tour guides and lunch hosts. */
    public enum Form {
        FULL, LIGHT
    }

    /** One rated attribute; {@code key} is what ratings and aggregates refer to. */
    public record Attribute(String key, String name, String description) {
    }

    /** How well this template fits a session: -1 when it does not apply, higher is more specific. */
    public int specificityFor(UUID job, Integer forRound, String sessionKind) {
        if (!active || (jobId != null && !jobId.equals(job)) || (round != null && !round.equals(forRound))
                || (!sessionKinds.isEmpty() && !sessionKinds.contains(sessionKind))) {
            return -1;
        }
        return (jobId != null ? 4 : 0) + (round != null ? 2 : 0) + (sessionKinds.isEmpty() ? 0 : 1);
    }
}
