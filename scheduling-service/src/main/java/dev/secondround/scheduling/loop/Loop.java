package dev.secondround.scheduling.loop;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A booked second-round loop: the candidate's day of sessions for one application. */
@Entity
@Table(name = "loop")
public class Loop extends TenantOwnedEntity {

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String title;

    @Column(name = "time_zone", nullable = false, updatable = false)
    public String timeZone;

    @Column(nullable = false)
    public LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LoopStatus status = LoopStatus.BOOKED;

    /** The planning request it was booked from, kept so fresh options can be offered later. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String plan;

    @Column(name = "booked_by", nullable = false, updatable = false)
    public String bookedBy;

    @Column(name = "cancelled_reason")
    public String cancelledReason;

    public enum LoopStatus {
        BOOKED, CANCELLED
    }
}
