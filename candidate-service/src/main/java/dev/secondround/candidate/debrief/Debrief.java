package dev.secondround.candidate.debrief;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** The recruiter's conversation with the candidate after a round, to prepare the next one. */
@Entity
@Table(name = "debrief")
public class Debrief extends TenantOwnedEntity {

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public int round;

    @Column(name = "went_well")
    public String wentWell;

    @Column(name = "struggled_with")
    public String struggledWith;

    @Column(name = "emphasise_next_round")
    public String emphasiseNextRound;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DebriefVisibility visibility;

    @Column(name = "author_subject", nullable = false, updatable = false)
    public String authorSubject;

    @Column(name = "author_name", nullable = false, updatable = false)
    public String authorName;

    /** Internal notes stay with the agency; shared ones are what the client's hiring manager may read. */
    public enum DebriefVisibility {
        INTERNAL, SHARED_WITH_HIRING_MANAGER
    }
}
