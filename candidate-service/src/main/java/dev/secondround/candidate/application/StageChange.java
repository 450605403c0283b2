package dev.secondround.candidate.application;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** One move of an application, kept forever: who, when, from, to, why. */
@Entity
@Table(name = "stage_change")
public class StageChange extends TenantOwnedEntity {

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage", updatable = false)
    public ApplicationStage fromStage;

    @Column(name = "from_round", updatable = false)
    public Integer fromRound;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false, updatable = false)
    public ApplicationStage toStage;

    @Column(name = "to_round", updatable = false)
    public Integer toRound;

    @Column(updatable = false)
    public String reason;

    @Column(name = "changed_by_subject", nullable = false, updatable = false)
    public String changedBySubject;

    @Column(name = "changed_by_name", nullable = false, updatable = false)
    public String changedByName;
}
