package dev.secondround.scheduling.loop;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import dev.secondround.scheduling.engine.SessionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One booked session of a loop: when, who (names as printed), where. */
@Entity
@Table(name = "loop_session")
public class LoopSession extends TenantOwnedEntity {

    @Column(name = "loop_id", nullable = false, updatable = false)
    public UUID loopId;

    @Column(name = "session_key", nullable = false, updatable = false)
    public String sessionKey;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionKind kind;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(nullable = false)
    public String venue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Participant> participants = new ArrayList<>();

    /** Replaced people: their calendars hold this session's event until they receive its CANCEL. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "former_participants", nullable = false)
    public List<Participant> formerParticipants = new ArrayList<>();

    public record Participant(UUID interviewerId, String fullName, String title, UUID fromPoolId) {
    }
}
