package dev.secondround.scheduling.room;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a session happens: a meeting room in a building, or a standing video link. */
@Entity
@Table(name = "room")
public class Room extends TenantOwnedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String building;

    public String floor;

    /** People who fit, the candidate included. */
    @Column(nullable = false)
    public int capacity;

    @Column(name = "video_link")
    public String videoLink;

    @Column(nullable = false)
    public boolean active = true;

    @Schema(name = "RoomKind")
    public enum Kind {
        IN_PERSON, VIDEO
    }
}
