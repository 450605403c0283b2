package dev.secondround.scheduling.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One session of a loop as the coordinator asks for it.
 *
 * @param id          unique within the loop, used by {@link OrderRule}s and in the output
 * @param title       what the candidate and coordinator read ("Hiring manager", "Team lunch")
 * @param kind        interview, panel, technical, executive, tour, lunch or break
 * @param duration    a positive multiple of the loop's granularity
 * @param people      ids of named participants (from the {@link Directory})
 * @param pools       "N from pool P" demands; the engine picks distinct people who are not also named
 * @param room        none, an in-person room (capacity = participants + candidate) or video
 * @param window      optional wall-clock window in the loop's zone the whole session must lie in
 */
public record SessionRequest(String id, String title, SessionKind kind, Duration duration, List<String> people,
                             List<PoolDemand> pools, RoomNeed room, Optional<LocalTimeWindow> window) {

    public SessionRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(duration, "duration");
        title = title == null || title.isBlank() ? id : title;
        people = List.copyOf(people == null ? List.of() : people);
        pools = List.copyOf(pools == null ? List.of() : pools);
        room = room == null ? RoomNeed.NONE : room;
        window = window == null ? Optional.empty() : window;
    }

    /** A session without participants, room or window yet; add them with the {@code with…} methods. */
    public static SessionRequest of(String id, SessionKind kind, Duration duration) {
        return new SessionRequest(id, id, kind, duration, List.of(), List.of(), RoomNeed.NONE, Optional.empty());
    }

    public SessionRequest titled(String newTitle) {
        return new SessionRequest(id, newTitle, kind, duration, people, pools, room, window);
    }

    public SessionRequest withPeople(String... personIds) {
        List<String> all = new ArrayList<>(people);
        all.addAll(List.of(personIds));
        return new SessionRequest(id, title, kind, duration, all, pools, room, window);
    }

    public SessionRequest withFromPool(String poolId, int count) {
        List<PoolDemand> all = new ArrayList<>(pools);
        all.add(new PoolDemand(poolId, count));
        return new SessionRequest(id, title, kind, duration, people, all, room, window);
    }

    public SessionRequest withRoom(RoomNeed need) {
        return new SessionRequest(id, title, kind, duration, people, pools, need, window);
    }

    public SessionRequest withWindow(LocalTimeWindow newWindow) {
        return new SessionRequest(id, title, kind, duration, people, pools, room, Optional.of(newWindow));
    }

    /** Named participants plus everyone picked from pools (the candidate not included). */
    public int participantCount() {
        return people.size() + pools.stream().mapToInt(PoolDemand::count).sum();
    }

    /** Seats an in-person room needs: every participant plus the candidate. */
    public int seatsNeeded() {
        return participantCount() + 1;
    }
}
