package dev.secondround.scheduling.room;

import dev.secondround.platform.persistence.Uniqueness;
import dev.secondround.platform.api.Text;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.scheduling.room.RoomApi.RoomRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class RoomService {

    private final EntityManager em;

    public RoomService(EntityManager em) {
        this.em = em;
    }

    public Room create(RoomRequest request) {
        Room room = new Room();
        apply(room, request, null);
        em.persist(room);
        em.flush();
        return room;
    }

    public Room update(UUID id, IfMatch ifMatch, RoomRequest request) {
        Room room = require(id);
        ifMatch.check(room.getVersion());
        apply(room, request, id);
        em.flush();
        return room;
    }

    public Room require(UUID id) {
        Room room = em.find(Room.class, id);
        if (room == null) {
            throw ProblemException.notFound("room");
        }
        return room;
    }

    public Page<Room> list(Room.Kind kind, Integer minCapacity, Boolean active, PageParams page) {
        return KeysetQuery.of(Room.class)
                .andIf(kind != null, "e.kind = :kind", "kind", kind)
                .andIf(minCapacity != null, "e.capacity >= :minCapacity", "minCapacity", minCapacity)
                .andIf(active != null, "e.active = :active", "active", active)
                .page(em, page);
    }

    private void apply(Room room, RoomRequest request, UUID exceptId) {
        if (Uniqueness.takenIgnoringCase(em, Room.class, "name", request.name().strip(), exceptId)) {
            throw ProblemException.conflict("a room named " + request.name().strip() + " already exists");
        }
        String videoLink = Text.clean(request.videoLink());
        if (request.kind() == Room.Kind.VIDEO && videoLink == null) {
            throw ProblemException.invalidField("videoLink", "is required for a VIDEO room");
        }
        room.name = request.name().strip();
        room.kind = request.kind();
        room.building = Text.clean(request.building());
        room.floor = Text.clean(request.floor());
        room.capacity = request.capacity();
        room.videoLink = videoLink;
        room.active = request.active() == null || request.active();
    }
}
