package dev.secondround.localstack;

import java.util.List;

/**
 * The demo interviewer directory of each tenant: a hiring manager, the future supervisor, the
 * manager's boss, peers, a direct report, technical consultants, a tour guide and lunch hosts, in
 * the client's time zones; pools; rooms and a video link. Everyone who takes part in a demo loop has
 * a demo login (password {@code demo}) whose fixed Keycloak id is their {@code oidcSubject}, so they
 * see their own entries and fill in their own scorecards.
 * <p>
 * The demo loops, in booking order: loops already held (a day {@code daysAgo} back, with explicit
 * people, so the same loop is booked every time) and an upcoming one (the engine's first option in
 * the next two weeks, people from pools).
 */
record DemoDirectory(List<Person> people, List<PoolSpec> pools, List<RoomSpec> rooms, List<LoopSpec> loops) {

    /**
     * A loop for the application of {@code candidateKey} to {@code jobKey} in {@code round}: held
     * {@code daysAgo} days back (the nearest weekday on or before), or upcoming when {@code daysAgo} is null.
     */
    record LoopSpec(String candidateKey, String jobKey, int round, Integer daysAgo, String title, String timeZone,
                    List<SessionSpec> sessions) {

        boolean held() {
            return daysAgo != null;
        }
    }

    /** A session with named people ({@code personKeys}) and/or {@code poolCount} people from {@code poolName}. */
    record SessionSpec(String id, String title, String kind, int minutes, List<String> personKeys, String poolName, int poolCount,
                       String windowFrom, String windowTo) {

        static SessionSpec named(String id, String title, String kind, int minutes, String... personKeys) {
            return new SessionSpec(id, title, kind, minutes, List.of(personKeys), null, 0, null, null);
        }

        static SessionSpec fromPool(String id, String title, String kind, int minutes, String poolName, int count) {
            return new SessionSpec(id, title, kind, minutes, List.of(), poolName, count, null, null);
        }

        /** The whole session lies within this local time window (lunch). */
        SessionSpec within(String from, String to) {
            return new SessionSpec(id, title, kind, minutes, personKeys, poolName, poolCount, from, to);
        }
    }

    /** {@code login}: the demo username, null for people without one; {@code subject}: its fixed Keycloak id. */
    record Person(String key, String fullName, String title, String roleKind, String email, String timeZone,
                  int perDay, int perWeek, String login, String subject) {
    }

    record PoolSpec(String name, String description, List<String> memberKeys) {
    }

    record RoomSpec(String name, String kind, String building, String floor, int capacity, String videoLink) {
    }

    Person person(String key) {
        return people.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo person " + key));
    }

    static DemoDirectory of(String tenant) {
        return switch (tenant) {
            case "ambrion" -> ambrion();
            case "northwind" -> northwind();
            default -> throw new IllegalArgumentException("no demo directory for " + tenant);
        };
    }

    private static DemoDirectory ambrion() {
        String berlin = "Europe/Berlin";
        return new DemoDirectory(
                List.of(
                        new Person("ingrid", "Ingrid Solberg-Haugen", "Head of Platform Engineering", "HIRING_MANAGER",
                                "ingrid.solberg-haugen@ambrion.example", berlin, 3, 8, "ambrion-hiring-manager", DemoData.AMBRION_HIRING_MANAGER),
                        new Person("jonas", "Jonas Brückner", "VP Engineering", "EXECUTIVE",
                                "jonas.brueckner@helix-robotics.example", berlin, 2, 4, "ambrion-jonas", DemoData.AMBRION_EXTERNAL_HM_1),
                        new Person("mei", "Mei-Lin Nakashima", "Engineering Manager, Payments", "SUPERVISOR",
                                "mei-lin.nakashima@helix-robotics.example", berlin, 3, 8, null, null),
                        new Person("kwame", "Kwame Mensah-Boateng", "Senior Software Engineer", "PEER",
                                "kwame.mensah-boateng@ambrion.example", berlin, 2, 6, "ambrion-interviewer", "a0000000-0000-4000-8000-000000000004"),
                        new Person("ana", "Ana Beatriz Figueiredo", "Staff Software Engineer", "PEER",
                                "ana.figueiredo@helix-robotics.example", berlin, 2, 6, "ambrion-ana", "a0000000-0000-4000-8000-000000000013"),
                        new Person("oskar", "Oskar Lindqvist", "Software Engineer", "DIRECT_REPORT",
                                "oskar.lindqvist@helix-robotics.example", berlin, 2, 5, "ambrion-oskar", "a0000000-0000-4000-8000-000000000015"),
                        new Person("ravi", "Ravi Subramaniam", "Principal Consultant, JVM performance", "TECHNICAL_CONSULTANT",
                                "ravi.subramaniam@helix-robotics.example", berlin, 3, 10, "ambrion-ravi", "a0000000-0000-4000-8000-000000000011"),
                        new Person("chloe", "Chloé Marchetti-Dubois", "Senior Java Engineer", "TECHNICAL_CONSULTANT",
                                "chloe.marchetti@helix-robotics.example", berlin, 3, 8, "ambrion-chloe", "a0000000-0000-4000-8000-000000000012"),
                        new Person("daniel", "Daniel O'Connell", "Java Architect (remote)", "TECHNICAL_CONSULTANT",
                                "daniel.oconnell@helix-robotics.example", "America/New_York", 2, 6, null, null),
                        new Person("greta", "Greta Vogelsang", "Office Manager", "TOUR_GUIDE",
                                "greta.vogelsang@helix-robotics.example", berlin, 4, 12, "ambrion-greta", "a0000000-0000-4000-8000-000000000014")),
                List.of(
                        new PoolSpec("java-technical", "Engineers who run the Java technical session", List.of("ravi", "chloe", "daniel")),
                        new PoolSpec("platform-peers", "Future peers on the platform team", List.of("kwame", "ana")),
                        new PoolSpec("tour-guides", "Department tour", List.of("greta", "oskar")),
                        new PoolSpec("lunch-hosts", "Team lunch hosts", List.of("kwame", "ana", "oskar"))),
                List.of(
                        new RoomSpec("Fjord", "IN_PERSON", "Helix HQ, Torstraße 49", "3", 6, null),
                        new RoomSpec("Spree", "IN_PERSON", "Helix HQ, Torstraße 49", "3", 10, null),
                        new RoomSpec("Kantine (lunch)", "IN_PERSON", "Helix HQ, Torstraße 49", "1", 12, null),
                        new RoomSpec("Helix video", "VIDEO", null, null, 12, "https://meet.example.com/helix-interviews")),
                // Thandiwe Nkosi's first round two weeks ago and her second round a few days ago: the
                // feedback of both is in DemoFeedback (one participant of round 2 still owes theirs).
                List.of(
                        new LoopSpec("thandiwe-nkosi", "backend", 1, 14, "First round: Senior Backend Engineer (Java)", berlin, List.of(
                                SessionSpec.named("hiring-manager", "First conversation with Ingrid Solberg-Haugen", "INTERVIEW", 45, "ingrid"),
                                SessionSpec.named("technical", "Java fundamentals", "TECHNICAL", 45, "ravi"),
                                SessionSpec.named("peer", "Coffee with a future peer", "INTERVIEW", 30, "kwame"))),
                        new LoopSpec("thandiwe-nkosi", "backend", 2, 3, "Second round: Senior Backend Engineer (Java)", berlin, List.of(
                                SessionSpec.named("hiring-manager", "Conversation with Ingrid Solberg-Haugen", "INTERVIEW", 45, "ingrid"),
                                SessionSpec.named("technical", "Java technical session: system design", "TECHNICAL", 60, "chloe"),
                                SessionSpec.named("vp", "Meet the VP Engineering", "EXECUTIVE", 30, "jonas"),
                                SessionSpec.named("peers", "Panel with future peers", "PANEL", 45, "kwame", "ana"),
                                SessionSpec.named("tour", "Department tour", "TOUR", 30, "greta"),
                                SessionSpec.named("lunch", "Team lunch", "LUNCH", 60, "oskar").within("11:30", "13:30")))));
    }

    private static DemoDirectory northwind() {
        String toronto = "America/Toronto";
        return new DemoDirectory(
                List.of(
                        new Person("chiamaka", "Chiamaka Okafor", "Director of Data Engineering", "HIRING_MANAGER",
                                "chiamaka.okafor@northwind.example", toronto, 3, 8, "northwind-hiring-manager", DemoData.NORTHWIND_HIRING_MANAGER),
                        new Person("olumide", "Olumide Adeyemi", "CTO", "EXECUTIVE",
                                "olumide.adeyemi@kestrel-freight.example", toronto, 2, 4, "northwind-olumide", DemoData.NORTHWIND_EXTERNAL_HM_1),
                        new Person("lars", "Lars-Erik Lindqvist", "Senior Data Engineer", "PEER",
                                "lars-erik.lindqvist@northwind.example", toronto, 2, 6, "northwind-interviewer", "b0000000-0000-4000-8000-000000000004"),
                        new Person("priya", "Priya Venkatesh", "Data Engineer", "PEER",
                                "priya.venkatesh@kestrel-freight.example", toronto, 2, 6, "northwind-priya", "b0000000-0000-4000-8000-000000000011"),
                        new Person("joao", "João Pedro Carvalho", "Analytics Engineer (Lisbon)", "TECHNICAL_CONSULTANT",
                                "joao.carvalho@kestrel-freight.example", "Europe/Lisbon", 2, 6, "northwind-joao", "b0000000-0000-4000-8000-000000000012"),
                        new Person("hannah", "Hannah Kowalczyk", "People Operations Lead", "TOUR_GUIDE",
                                "hannah.kowalczyk@kestrel-freight.example", toronto, 4, 12, "northwind-hannah", "b0000000-0000-4000-8000-000000000013")),
                List.of(
                        new PoolSpec("data-technical", "Data modelling exercise", List.of("lars", "priya", "joao")),
                        new PoolSpec("tour-guides", "Office tour", List.of("hannah"))),
                List.of(
                        new RoomSpec("Harbourfront", "IN_PERSON", "Kestrel Freight, 200 Bay St", "12", 8, null),
                        new RoomSpec("Kestrel video", "VIDEO", null, null, 10, "https://meet.example.com/kestrel-interviews")),
                // The upcoming loop (itinerary, invites, open feedback requests not yet due): the engine's
                // first option in the next two weeks, the exercise run by whoever of the pool it picks.
                List.of(
                        new LoopSpec("minh-anh-hoang", "data", 2, null, "Second round: Staff Data Engineer", toronto, List.of(
                                SessionSpec.named("hiring-manager", "Conversation with Chiamaka Okafor", "INTERVIEW", 45, "chiamaka"),
                                SessionSpec.fromPool("modelling", "Data modelling exercise", "TECHNICAL", 60, "data-technical", 1),
                                SessionSpec.named("cto", "Meet the CTO", "EXECUTIVE", 30, "olumide"),
                                SessionSpec.fromPool("tour", "Office tour", "TOUR", 30, "tour-guides", 1)))));
    }
}
