package dev.secondround.scheduling.loop;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One recorded change of a loop (booked, someone replaced, cancelled). */
@Entity
@Table(name = "loop_change")
public class LoopChange extends TenantOwnedEntity {

    @Column(name = "loop_id", nullable = false, updatable = false)
    public UUID loopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(nullable = false, updatable = false)
    public String detail;

    @Column(updatable = false)
    public String reason;

    @Column(name = "changed_by", nullable = false, updatable = false)
    public String changedBy;

    @Schema(name = "LoopChangeKind")
    public enum Kind {
        DRAFTED, PROPOSED, BOOKED, PARTICIPANT_REPLACED, SESSIONS_MOVED, CANCELLED
    }
}
