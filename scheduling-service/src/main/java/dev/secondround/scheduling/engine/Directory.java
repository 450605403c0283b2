package dev.secondround.scheduling.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything the engine knows about people, pools and rooms; the service fills it per request. */
public record Directory(List<Interviewer> people, List<Pool> pools, List<Room> rooms) {

    public Directory {
        people = List.copyOf(people == null ? List.of() : people);
        pools = List.copyOf(pools == null ? List.of() : pools);
        rooms = List.copyOf(rooms == null ? List.of() : rooms);
    }

    public Optional<Interviewer> person(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Pool> pool(String id) {
        return pools.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    Map<String, Interviewer> peopleById() {
        return people.stream().collect(Collectors.toMap(Interviewer::id, Function.identity(), (a, b) -> a));
    }
}
