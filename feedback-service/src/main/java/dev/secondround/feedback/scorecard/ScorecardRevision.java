package dev.secondround.feedback.scorecard;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A submitted scorecard exactly as it was at one submission or later change; never updated. */
@Entity
@Table(name = "scorecard_revision")
public class ScorecardRevision extends TenantOwnedEntity {

    @Column(name = "scorecard_id", nullable = false, updatable = false)
    public UUID scorecardId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public Map<String, Integer> ratings = new LinkedHashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Scorecard.Recommendation recommendation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<Scorecard.Answer> answers = new ArrayList<>();

    @Column(updatable = false)
    public String notes;

    @Column(name = "change_reason", updatable = false)
    public String changeReason;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    public String submittedBy;
}
