package dev.secondround.scheduling.directory;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A time an interviewer cannot meet candidates: time off (vacation, illness) or a busy calendar slot. */
@Entity
@Table(name = "busy_block")
public class BusyBlock extends TenantOwnedEntity {

    @Column(name = "interviewer_id", nullable = false, updatable = false)
    public UUID interviewerId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Source source;

    public String summary;

    /** UID of the imported calendar event, so a re-import updates instead of duplicating. */
    @Column(name = "external_uid", updatable = false)
    public String externalUid;

    @Schema(name = "BusyBlockKind")
    public enum Kind {
        TIME_OFF, BUSY
    }

    public enum Source {
        API, ICS_IMPORT
    }
}
