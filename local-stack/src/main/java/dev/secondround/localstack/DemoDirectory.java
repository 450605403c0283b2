package dev.secondround.localstack;

import java.util.List;

/**
 * The demo interviewer directory of each tenant: a hiring manager, the future supervisor, the
 * manager's boss, peers, a direct report, technical consultants, a tour guide and lunch hosts, in
 * the client's time zones; pools; rooms and a video link. The demo hiring manager and interviewer
 * users are linked by their fixed Keycloak ids, so they see their own entries and time off.
 */
record DemoDirectory(List<Person> people, List<PoolSpec> pools, List<RoomSpec> rooms, LoopSpec demoLoop) {

    DemoDirectory(List<Person> people, List<PoolSpec> pools, List<RoomSpec> rooms) {
        this(people, pools, rooms, null);
    }

    /** The loop booked in the demo: for the application in a round of this job. */
    record LoopSpec(String jobTitle, String title, String timeZone, List<SessionSpec> sessions) {
    }

    record SessionSpec(String id, String title, String kind, int minutes, String personKey, String poolName, int poolCount,
                       String windowFrom, String windowTo) {
    }

    record Person(String key, String fullName, String title, String roleKind, String email, String timeZone,
                  int perDay, int perWeek, String subject) {
    }

    record PoolSpec(String name, String description, List<String> memberKeys) {
    }

    record RoomSpec(String name, String kind, String building, String floor, int capacity, String videoLink) {
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
                                "ingrid.solberg-haugen@ambrion.example", berlin, 3, 8, DemoData.AMBRION_HIRING_MANAGER),
                        new Person("jonas", "Jonas Brückner", "VP Engineering", "EXECUTIVE",
                                "jonas.brueckner@helix-robotics.example", berlin, 2, 4, null),
                        new Person("mei", "Mei-Lin Nakashima", "Engineering Manager, Payments", "SUPERVISOR",
                                "mei-lin.nakashima@helix-robotics.example", berlin, 3, 8, null),
                        new Person("kwame", "Kwame Mensah-Boateng", "Senior Software Engineer", "PEER",
                                "kwame.mensah-boateng@ambrion.example", berlin, 2, 6, "a0000000-0000-4000-8000-000000000004"),
                        new Person("ana", "Ana Beatriz Figueiredo", "Staff Software Engineer", "PEER",
                                "ana.figueiredo@helix-robotics.example", berlin, 2, 6, null),
                        new Person("oskar", "Oskar Lindqvist", "Software Engineer", "DIRECT_REPORT",
                                "oskar.lindqvist@helix-robotics.example", berlin, 2, 5, null),
                        new Person("ravi", "Ravi Subramaniam", "Principal Consultant, JVM performance", "TECHNICAL_CONSULTANT",
                                "ravi.subramaniam@helix-robotics.example", berlin, 3, 10, null),
                        new Person("chloe", "Chloé Marchetti-Dubois", "Senior Java Engineer", "TECHNICAL_CONSULTANT",
                                "chloe.marchetti@helix-robotics.example", berlin, 3, 8, null),
                        new Person("daniel", "Daniel O'Connell", "Java Architect (remote)", "TECHNICAL_CONSULTANT",
                                "daniel.oconnell@helix-robotics.example", "America/New_York", 2, 6, null),
                        new Person("greta", "Greta Vogelsang", "Office Manager", "TOUR_GUIDE",
                                "greta.vogelsang@helix-robotics.example", berlin, 4, 12, null)),
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
                new LoopSpec("Senior Backend Engineer (Java)", "Second round: Senior Backend Engineer (Java)", berlin, List.of(
                        new SessionSpec("hiring-manager", "Conversation with Ingrid Solberg-Haugen", "INTERVIEW", 45, "ingrid", null, 0, null, null),
                        new SessionSpec("technical", "Java technical session", "TECHNICAL", 60, null, "java-technical", 1, null, null),
                        new SessionSpec("vp", "Meet the VP Engineering", "EXECUTIVE", 30, "jonas", null, 0, null, null),
                        new SessionSpec("peers", "Panel with future peers", "PANEL", 45, null, "platform-peers", 2, null, null),
                        new SessionSpec("tour", "Department tour", "TOUR", 30, null, "tour-guides", 1, null, null),
                        new SessionSpec("lunch", "Team lunch", "LUNCH", 60, null, "lunch-hosts", 1, "11:30", "13:30"))));
    }

    private static DemoDirectory northwind() {
        String toronto = "America/Toronto";
        return new DemoDirectory(
                List.of(
                        new Person("chiamaka", "Chiamaka Okafor", "Director of Data Engineering", "HIRING_MANAGER",
                                "chiamaka.okafor@northwind.example", toronto, 3, 8, DemoData.NORTHWIND_HIRING_MANAGER),
                        new Person("olumide", "Olumide Adeyemi", "CTO", "EXECUTIVE",
                                "olumide.adeyemi@kestrel-freight.example", toronto, 2, 4, null),
                        new Person("lars", "Lars-Erik Lindqvist", "Senior Data Engineer", "PEER",
                                "lars-erik.lindqvist@northwind.example", toronto, 2, 6, "b0000000-0000-4000-8000-000000000004"),
                        new Person("priya", "Priya Venkatesh", "Data Engineer", "PEER",
                                "priya.venkatesh@kestrel-freight.example", toronto, 2, 6, null),
                        new Person("joao", "João Pedro Carvalho", "Analytics Engineer (Lisbon)", "TECHNICAL_CONSULTANT",
                                "joao.carvalho@kestrel-freight.example", "Europe/Lisbon", 2, 6, null),
                        new Person("hannah", "Hannah Kowalczyk", "People Operations Lead", "TOUR_GUIDE",
                                "hannah.kowalczyk@kestrel-freight.example", toronto, 4, 12, null)),
                List.of(
                        new PoolSpec("data-technical", "Data modelling exercise", List.of("lars", "priya", "joao")),
                        new PoolSpec("tour-guides", "Office tour", List.of("hannah"))),
                List.of(
                        new RoomSpec("Harbourfront", "IN_PERSON", "Kestrel Freight, 200 Bay St", "12", 8, null),
                        new RoomSpec("Kestrel video", "VIDEO", null, null, 10, "https://meet.example.com/kestrel-interviews")));
    }
}
