package dev.secondround.candidate.application;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A candidate for a job (one per pair), moving through the job's rounds. */
@Entity
@Table(name = "application")
public class Application extends TenantOwnedEntity {

    @Column(name = "candidate_id", nullable = false, updatable = false)
    public UUID candidateId;

    @Column(name = "job_id", nullable = false, updatable = false)
    public UUID jobId;

    /** Changed only through {@link ApplicationService#changeStage}, which records the history. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStage stage = ApplicationStage.APPLIED;

    @Column(name = "current_round")
    public Integer currentRound;
}
