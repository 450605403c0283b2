package dev.secondround.scheduling.engine.testsupport;

import dev.secondround.scheduling.engine.BusyBlock;
import dev.secondround.scheduling.engine.Directory;
import dev.secondround.scheduling.engine.InterviewLimits;
import dev.secondround.scheduling.engine.Interviewer;
import dev.secondround.scheduling.engine.LocalTimeWindow;
import dev.secondround.scheduling.engine.LoopRequest;
import dev.secondround.scheduling.engine.OrderRule;
import dev.secondround.scheduling.engine.Pool;
import dev.secondround.scheduling.engine.Room;
import dev.secondround.scheduling.engine.RoomNeed;
import dev.secondround.scheduling.engine.SessionKind;
import dev.secondround.scheduling.engine.SessionRequest;
import dev.secondround.scheduling.engine.TimeSpan;
import dev.secondround.scheduling.engine.WorkingHours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * One hiring week for the joint benchmark of issue 3, item 9: <b>20 finalists</b> for one backend
 * job, each needing the same six-session loop on one day of <b>one week (Monday to Friday)</b>, all
 * sharing <b>one panel</b>. Seeded and deterministic: the same seed (and load) gives the same week.
 *
 * <h2>The loop (every finalist)</h2>
 * Hiring manager first (45 min, in a room); the manager's boss (executive, 30 min, in a room); a peer
 * panel of 2 from the peer pool (60 min, in a room); a Java technical interview with 1 from the Java
 * pool (60 min, video); a department tour with 1 guide (30 min); a team lunch with 2 hosts between
 * 11:30 and 13:30 (60 min). 4 h 45 min of sessions, all in Oslo, 5-minute grid, k = 5.
 *
 * <h2>Feasible by construction</h2>
 * The generator first <i>plants</i> a hidden solution: on each day four loops on fixed templates
 * (manager at 08:30, 09:15, 10:00 and 10:45; see {@link #TEMPLATES}), with peers, Java interviewers,
 * guides, hosts and rooms assigned within every limit, working hours and time off. Then it fills every
 * calendar <i>around</i> the planted sessions (they stay free) and gives each finalist a "home" day
 * whose window covers their planted loop. So all 20 loops always fit jointly; whether planning them
 * one at a time finds a full week is what the benchmark measures. The planted solution is never shown
 * to the planner; the lower the {@code load}, the more other gaps the calendars leave besides it.
 *
 * <h2>Why these numbers (and why the panel is the bottleneck)</h2>
 * <ul>
 * <li><b>Hiring manager</b>: in all 20 loops, at most <b>4 interviews a day</b> and 20 a week: 20 loops
 * in 5 days is <i>exactly</i> 4 a day, so the manager's daily limit has zero slack and every day must
 * take exactly four loops. Because the manager goes first and lunch must lie in 11:30–13:30, every
 * manager interview is a morning one (08:00–12:30). The manager has cleared the mornings for the
 * hiring push except a 30-minute meeting at 08:00 or 11:30 on about two of five days; afternoons are
 * 60% booked, as a manager's are. No other interviews this week, no time off (any would make 20
 * impossible).</li>
 * <li><b>Director</b> (the manager's boss): also in all 20 loops, a 30-minute executive chat, at most 5
 * a day and 25 a week, 08:00–16:30, calendar 50% booked and a 2-hour appointment (time off) on one day.</li>
 * <li><b>Peers</b>: 40 panel seats (20 panels × 2). The brief's "~5 peers at 2 a day / 6 a week" gives
 * only 30 seats, so nobody could book 20 panels; a team that sends 7 engineers to a hiring push at 2 a
 * day / 7 a week (an interview hour a day on top of their own work) has 49 seats, minus 0–1 interviews
 * for other roles each already has this week and one peer's vacation (1–3 days, which with 2 a day can
 * cut their week below 7): about 42–46 usable seats for 40, so the weekly limits bind. 8-hour days from 08:00 or 09:00, the daily stand-up
 * 09:00–09:15, calendars 30% booked.</li>
 * <li><b>Java pool</b>: 4 interviewers (Oslo, Oslo, Berlin, London — the technical is on video), 2 a day
 * and 6 a week, 0–1 already booked each and one of them off for a day: 20–24 seats (22 on average) for
 * 20 technicals. Calendars 30% booked, stand-up for the Oslo ones.</li>
 * <li><b>Tour guides</b>: 3 (20 tours of 30 min; 40% booked, one with a day off). <b>Lunch hosts</b>: 10
 * team members, 2 per lunch; a person has one lunch a day, so four lunches a day need 8 of the 10,
 * and hosts not needed for a planted lunch have a lunch-time meeting on a third of days. 25% booked.
 * Tours and lunches are not interviews, so no limits apply to them (and the engine's pool-load
 * preference, which counts interviews, does not spread them; see the benchmark's report).</li>
 * <li><b>Rooms</b>: Fjord (4 seats), Fjell (4), Vidde (6) and Storstua (14), each 30–50% booked. Each
 * loop has three in-person sessions (manager, director, panel), so four loops a day compete for rooms.</li>
 * <li>Ordinary meetings last 30–90 minutes (rooms 30–120), start on quarter hours, and keep the lunch
 * hour 11:30–12:30 free, as offices here do.</li>
 * <li><b>Finalists</b>: four per weekday get that day as their home day (shuffled), with a window
 * covering their planted loop. Besides that, 30% are free all week, 30% on two more days, 20% on one
 * more, 20% only on the home day. A window is whole (08:30–17:00) 60% of the time, else partial
 * (08:00–14:30 leaving early, 10:00–17:00 travelling in, 09:00–15:30, 09:30–16:00, or on an extra day
 * 13:00–17:00, which cannot hold a loop with a lunch at all).</li>
 * </ul>
 */
public final class FinalistsWeek {

    public static final ZoneId ZONE = Loops.OSLO;
    public static final int FINALISTS = 20;

    public static final String HIRING_MANAGER = "hm";
    public static final String DIRECTOR = "director";
    public static final String PEERS = "peers";
    public static final String JAVA = "java-technical";
    public static final String GUIDES = "tour-guides";
    public static final String LUNCH_HOSTS = "lunch-hosts";

    /** A finalist: their availability in the week, and how many hours that is (for ordering). */
    public record Finalist(int index, String name, LocalDate homeDay, List<TimeSpan> availability) {
        public Finalist {
            availability = List.copyOf(availability);
        }

        public long availableMinutes() {
            return availability.stream().mapToLong(s -> Duration.between(s.start(), s.end()).toMinutes()).sum();
        }
    }

    /**
     * A week: the directory as it is before any finalist is booked, the finalists in the order they
     * were confirmed (the "arrival" order), and the loop every one of them needs.
     */
    public record Instance(long seed, LocalDate monday, Directory directory, List<Finalist> finalists,
                           List<SessionRequest> sessions, List<OrderRule> orderRules) {

        public LocalDate friday() {
            return monday.plusDays(4);
        }

        /** The request a coordinator sends for one finalist: the whole week, top 5, 5-minute grid. */
        public LoopRequest request(Finalist f) {
            return new LoopRequest(ZONE, monday, friday(), f.availability(), sessions, orderRules, 5,
                    Duration.ofMinutes(5));
        }

        public List<String> poolMembers(String poolId) {
            return directory.pool(poolId).orElseThrow().memberIds();
        }
    }

    /** Session ids in the order of {@link #TEMPLATES}' columns. */
    private static final String[] SESSION_IDS = {"hm", "director", "panel", "tech", "tour", "lunch"};
    private static final int[] MINUTES = {45, 30, 60, 60, 30, 60};

    /**
     * The planted loops of a day: start time (Oslo) of hm, director, panel, tech, tour, lunch. The manager
     * goes 08:30–11:30 back to back; directors' chats, panels (A and B overlap, so four peers), techs (B
     * and D overlap) and lunches never need more than three rooms or the same person twice at once.
     */
    private static final String[][] TEMPLATES = {
        {"08:30", "10:15", "10:45", "09:15", "12:45", "11:45"},   // A 08:30–13:15
        {"09:15", "13:00", "10:00", "11:00", "13:30", "12:00"},   // B 09:15–14:00
        {"10:00", "14:30", "12:30", "13:30", "10:45", "11:30"},   // C 10:00–15:00
        {"10:45", "15:00", "13:30", "11:30", "14:30", "12:30"}};  // D 10:45–15:30

    /** Kept free of ordinary meetings by everyone (a host's lunch-time meeting is the exception). */
    private static final LocalTimeWindow LUNCH_HOUR = LocalTimeWindow.of("11:30", "12:30");

    private static final String[] PEER_NAMES = {"Kari Nordmann", "Ola Dunn", "Sofie Berg", "Jonas Lie",
        "Emma Dahl", "Henrik Moe", "Nora Vik"};
    private static final String[] JAVA_NAMES = {"Bjørn Ødegård", "Marte Eide", "Anh Nguyen", "Chiara Rossi"};
    private static final ZoneId[] JAVA_ZONES = {Loops.OSLO, Loops.OSLO, Loops.BERLIN, Loops.LONDON};
    private static final String[] GUIDE_NAMES = {"Siri Lund", "Tor Aas", "Maja Holm"};
    private static final String[] HOST_NAMES = {"Per Berg", "Liv Strand", "Nils Holm", "Ida Ruud", "Lars Sand",
        "Ane Bakke", "Eirik Foss", "Hanne Lunde", "Mina Haug", "Even Rye"};
    private static final String[] ROOM_NAMES = {"Fjord", "Fjell", "Vidde", "Storstua"};
    private static final int[] ROOM_SEATS = {4, 4, 6, 14};

    private final Random rnd;
    private final double load;
    private final List<LocalDate> days = new ArrayList<>();

    private FinalistsWeek(long seed, double load) {
        this.rnd = new Random(seed);
        this.load = load;
    }

    /** The week with calendars as described above. */
    public static Instance generate(long seed) {
        return generate(seed, 1.0);
    }

    /**
     * The week with every ordinary meeting share (people and rooms) multiplied by {@code load}: 0 leaves
     * only the planted gaps' surroundings free of meetings (stand-up, time off, earlier interviews and
     * lunch-time meetings stay); 1 is the default described above.
     */
    public static Instance generate(long seed, double load) {
        return new FinalistsWeek(seed, load).build(seed);
    }

    // ------------------------------------------------------------------ the plan of a person or room

    /** A person while the week is generated: fixed facts, the planted sessions, then the calendar. */
    private final class Person {
        final String id;
        final String name;
        final ZoneId zone;
        final LocalTime from;
        final LocalTime to;
        final InterviewLimits limits;
        final boolean standUp;
        final Set<LocalDate> daysOff = new HashSet<>();
        final List<TimeSpan> planted = new ArrayList<>();
        final Map<LocalDate, Integer> plantedInterviews = new HashMap<>();
        final Set<LocalDate> plantedLunch = new HashSet<>();
        final List<BusyBlock> busy = new ArrayList<>();
        final Map<LocalDate, Integer> earlierInterviews = new HashMap<>();

        Person(String id, String name, ZoneId zone, String from, String to, InterviewLimits limits, boolean standUp) {
            this.id = id;
            this.name = name;
            this.zone = zone;
            this.from = LocalTime.parse(from);
            this.to = LocalTime.parse(to);
            this.limits = limits;
            this.standUp = standUp;
        }

        LocalDate localDate(Instant i) {
            return LocalDateTime.ofInstant(i, zone).toLocalDate();
        }

        int interviewsOn(LocalDate d) {
            return plantedInterviews.getOrDefault(d, 0) + earlierInterviews.getOrDefault(d, 0);
        }

        int interviewsInWeek() {
            int n = 0;
            for (LocalDate d : days) {
                n += interviewsOn(d);
            }
            return n;
        }

        /** Fixed blocks a session must avoid: the stand-up. */
        List<TimeSpan> fixed(LocalDate d) {
            return standUp ? List.of(Loops.span(d, "09:00", "09:15", zone)) : List.of();
        }

        boolean canTake(TimeSpan s, boolean interview, boolean lunch) {
            LocalDateTime a = LocalDateTime.ofInstant(s.start(), zone);
            LocalDateTime b = LocalDateTime.ofInstant(s.end(), zone);
            LocalDate d = a.toLocalDate();
            if (daysOff.contains(d) || !b.toLocalDate().equals(d) || a.toLocalTime().isBefore(from)
                    || b.toLocalTime().isAfter(to) || overlapsAny(s, planted) || overlapsAny(s, fixed(d))
                    || overlapsAny(s, busy.stream().map(x -> new TimeSpan(x.start(), x.end())).toList())) {
                return false;
            }
            if (interview && (interviewsOn(d) >= limits.perDay() || interviewsInWeek() >= limits.perWeek())) {
                return false;
            }
            return !lunch || !plantedLunch.contains(d);
        }

        void take(TimeSpan s, boolean interview, boolean lunch) {
            planted.add(s);
            LocalDate d = localDate(s.start());
            if (interview) {
                plantedInterviews.merge(d, 1, Integer::sum);
            }
            if (lunch) {
                plantedLunch.add(d);
            }
        }

        Interviewer toInterviewer() {
            return new Interviewer(id, name, zone, WorkingHours.weekdays(from, to), limits, busy, earlierInterviews);
        }
    }

    private static final class RoomPlan {
        final String id;
        final String name;
        final int seats;
        final List<TimeSpan> planted = new ArrayList<>();

        RoomPlan(String name, int seats) {
            this.id = "room-" + name.toLowerCase(Locale.ROOT);
            this.name = name;
            this.seats = seats;
        }
    }

    // ------------------------------------------------------------------ the week

    private Instance build(long seed) {
        LocalDate monday = Loops.MONDAY.plusWeeks(Math.floorMod(seed, 4));
        for (int i = 0; i < 5; i++) {
            days.add(monday.plusDays(i));
        }
        Person hm = new Person(HIRING_MANAGER, "Ingrid Solberg-Haugen", ZONE, "08:00", "16:00",
                new InterviewLimits(4, 20), false);
        Person director = new Person(DIRECTOR, "Marius Aasen", ZONE, "08:00", "16:30", new InterviewLimits(5, 25), false);
        List<Person> peers = new ArrayList<>();
        for (int i = 0; i < PEER_NAMES.length; i++) {
            String from = rnd.nextBoolean() ? "08:00" : "09:00";
            peers.add(new Person("peer" + (i + 1), PEER_NAMES[i], ZONE, from, LocalTime.parse(from).plusHours(8).toString(),
                    new InterviewLimits(2, 7), true));
        }
        List<Person> java = new ArrayList<>();
        for (int i = 0; i < JAVA_NAMES.length; i++) {
            String from = rnd.nextBoolean() ? "08:00" : "09:00";
            java.add(new Person("java" + (i + 1), JAVA_NAMES[i], JAVA_ZONES[i], from,
                    LocalTime.parse(from).plusHours(8).toString(), new InterviewLimits(2, 6), JAVA_ZONES[i].equals(ZONE)));
        }
        List<Person> guides = new ArrayList<>();
        for (int i = 0; i < GUIDE_NAMES.length; i++) {
            guides.add(new Person("guide" + (i + 1), GUIDE_NAMES[i], ZONE, "08:00", "16:00", new InterviewLimits(2, 6), false));
        }
        List<Person> hosts = new ArrayList<>();
        for (int i = 0; i < HOST_NAMES.length; i++) {
            hosts.add(new Person("host" + (i + 1), HOST_NAMES[i], ZONE, "08:00", "16:00", new InterviewLimits(2, 6), false));
        }
        List<RoomPlan> rooms = new ArrayList<>();
        for (int r = 0; r < ROOM_NAMES.length; r++) {
            rooms.add(new RoomPlan(ROOM_NAMES[r], ROOM_SEATS[r]));
        }

        // time off first, so that the planted loops respect it
        int vacation = 1 + rnd.nextInt(3);
        int firstOff = rnd.nextInt(days.size() - vacation + 1);
        Person onVacation = peers.get(rnd.nextInt(peers.size()));
        for (int i = firstOff; i < firstOff + vacation; i++) {
            onVacation.daysOff.add(days.get(i));
        }
        java.get(rnd.nextInt(java.size())).daysOff.add(days.get(rnd.nextInt(days.size())));
        guides.get(rnd.nextInt(guides.size())).daysOff.add(days.get(rnd.nextInt(days.size())));

        // the planted solution: on each day the four templates, in random order of finalists
        List<Integer> homeDays = new ArrayList<>();
        for (int i = 0; i < FINALISTS; i++) {
            homeDays.add(i % days.size());
        }
        Collections.shuffle(homeDays, rnd);
        int[] template = new int[FINALISTS];
        for (int d = 0; d < days.size(); d++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(order, rnd);
            int next = 0;
            for (int f = 0; f < FINALISTS; f++) {
                if (homeDays.get(f) == d) {
                    template[f] = order.get(next++);
                }
            }
        }
        for (int d = 0; d < days.size(); d++) {
            for (int t = 0; t < TEMPLATES.length; t++) {
                plant(days.get(d), TEMPLATES[t], hm, director, peers, java, guides, hosts, rooms);
            }
        }

        // calendars around the planted sessions
        for (LocalDate d : days) {
            if (rnd.nextInt(5) < 2) { // a 30-minute meeting at 08:00 or 11:30 where it fits
                LocalTime t = rnd.nextBoolean() ? LocalTime.of(8, 0) : LocalTime.of(11, 30);
                TimeSpan s = TimeSpan.of(at(d, t, ZONE), Duration.ofMinutes(30));
                if (!overlapsAny(s, hm.planted)) {
                    hm.busy.add(BusyBlock.booked(s.start(), s.end()));
                }
            }
            meetings(hm, d, LocalTime.of(12, 30), 14, 0.60, 2, 6);     // afternoons 12:30–16:00
        }
        int appointment = rnd.nextInt(days.size());
        for (int attempt = 0; attempt < 50; attempt++) {
            LocalDate d = days.get(appointment);
            TimeSpan s = TimeSpan.of(at(d, LocalTime.of(8, 0).plusMinutes(30L * rnd.nextInt(14)), ZONE), Duration.ofHours(2));
            if (!overlapsAny(s, director.planted)) {
                director.busy.add(BusyBlock.timeOff(s.start(), s.end()));
                break;
            }
        }
        for (LocalDate d : days) {
            meetings(director, d, director.from, 34, 0.50, 2, 6);
        }
        for (Person p : peers) {
            engineerCalendar(p, 0.30, 1);
        }
        for (Person p : java) {
            engineerCalendar(p, 0.30, 1);
        }
        for (Person p : guides) {
            staffCalendar(p, 0.40, false);
        }
        for (Person p : hosts) {
            staffCalendar(p, 0.25, true);
        }
        List<Room> roomList = new ArrayList<>();
        for (RoomPlan r : rooms) {
            List<TimeSpan> busy = new ArrayList<>();
            double share = 0.30 + 0.20 * rnd.nextDouble();
            for (LocalDate d : days) {
                for (TimeSpan m : meetingSpans(d, ZONE, LocalTime.of(8, 0), 36, share, 2, 8, r.planted)) {
                    busy.add(m);
                }
            }
            roomList.add(new Room(r.id, r.name, r.seats, busy));
        }

        List<Interviewer> people = new ArrayList<>();
        List<Person> all = new ArrayList<>(List.of(hm, director));
        all.addAll(peers);
        all.addAll(java);
        all.addAll(guides);
        all.addAll(hosts);
        all.forEach(p -> people.add(p.toInterviewer()));
        List<Pool> pools = List.of(
                new Pool(PEERS, "Backend peers", peers.stream().map(p -> p.id).toList()),
                new Pool(JAVA, "Java technical", java.stream().map(p -> p.id).toList()),
                new Pool(GUIDES, "Tour guides", guides.stream().map(p -> p.id).toList()),
                new Pool(LUNCH_HOSTS, "Lunch hosts", hosts.stream().map(p -> p.id).toList()));

        List<SessionRequest> sessions = List.of(
                SessionRequest.of("hm", SessionKind.INTERVIEW, Duration.ofMinutes(45)).titled("Hiring manager")
                        .withPeople(HIRING_MANAGER).withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("director", SessionKind.EXECUTIVE, Duration.ofMinutes(30)).titled("Director")
                        .withPeople(DIRECTOR).withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("panel", SessionKind.PANEL, Duration.ofMinutes(60)).titled("Peer panel")
                        .withFromPool(PEERS, 2).withRoom(RoomNeed.IN_PERSON),
                SessionRequest.of("tech", SessionKind.TECHNICAL, Duration.ofMinutes(60)).titled("Java technical")
                        .withFromPool(JAVA, 1).withRoom(RoomNeed.VIDEO),
                SessionRequest.of("tour", SessionKind.TOUR, Duration.ofMinutes(30)).titled("Department tour")
                        .withFromPool(GUIDES, 1),
                SessionRequest.of("lunch", SessionKind.LUNCH, Duration.ofMinutes(60)).titled("Team lunch")
                        .withFromPool(LUNCH_HOSTS, 2).withWindow(LocalTimeWindow.of("11:30", "13:30")));

        List<Finalist> finalists = new ArrayList<>();
        for (int f = 0; f < FINALISTS; f++) {
            finalists.add(finalist(f, homeDays.get(f), template[f]));
        }
        return new Instance(seed, monday, new Directory(people, pools, roomList), finalists, sessions,
                List.of(OrderRule.first("hm")));
    }

    /** One planted loop: the template's sessions on day d, people and rooms picked within every limit. */
    private void plant(LocalDate d, String[] starts, Person hm, Person director, List<Person> peers, List<Person> java,
                       List<Person> guides, List<Person> hosts, List<RoomPlan> rooms) {
        for (int s = 0; s < SESSION_IDS.length; s++) {
            TimeSpan span = TimeSpan.of(at(d, LocalTime.parse(starts[s]), ZONE), Duration.ofMinutes(MINUTES[s]));
            switch (SESSION_IDS[s]) {
                case "hm" -> {
                    pick(List.of(hm), 1, span, true, false);
                    room(rooms, 2, span);
                }
                case "director" -> {
                    pick(List.of(director), 1, span, true, false);
                    room(rooms, 2, span);
                }
                case "panel" -> {
                    pick(peers, 2, span, true, false);
                    room(rooms, 3, span);
                }
                case "tech" -> pick(java, 1, span, true, false);
                case "tour" -> pick(guides, 1, span, false, false);
                case "lunch" -> pick(hosts, 2, span, false, true);
                default -> throw new IllegalStateException(SESSION_IDS[s]);
            }
        }
    }

    /** The {@code n} least-used people (random among equals) who can take the span. */
    private void pick(List<Person> pool, int n, TimeSpan span, boolean interview, boolean lunch) {
        List<Person> free = new ArrayList<>(pool.stream().filter(p -> p.canTake(span, interview, lunch)).toList());
        Collections.shuffle(free, rnd);
        free.sort(Comparator.comparingInt(p -> p.planted.size()));
        if (free.size() < n) {
            throw new IllegalStateException("the planted week does not fit: " + span + " from " + pool.get(0).id);
        }
        free.subList(0, n).forEach(p -> p.take(span, interview, lunch));
    }

    private void room(List<RoomPlan> rooms, int seats, TimeSpan span) {
        List<RoomPlan> free = new ArrayList<>(rooms.stream()
                .filter(r -> r.seats >= seats && !overlapsAny(span, r.planted)).toList());
        if (free.isEmpty()) {
            throw new IllegalStateException("no planted room for " + span);
        }
        free.get(rnd.nextInt(free.size())).planted.add(span);
    }

    // ------------------------------------------------------------------ calendars

    /**
     * Time off (days chosen before planting), the Oslo stand-up, 0..{@code maxEarlier} interviews for other
     * roles already booked this week (one hour each, within the limits left by the planted loops), and
     * meetings to {@code share}, all around the planted sessions.
     */
    private void engineerCalendar(Person p, double share, int maxEarlier) {
        for (LocalDate d : days) {
            if (p.daysOff.contains(d)) {
                p.busy.add(BusyBlock.timeOff(d.atStartOfDay(p.zone).toInstant(), d.plusDays(1).atStartOfDay(p.zone).toInstant()));
            } else {
                p.fixed(d).forEach(s -> p.busy.add(BusyBlock.booked(s.start(), s.end())));
            }
        }
        int earlier = rnd.nextInt(maxEarlier + 1);
        for (int k = 0, attempts = 0; k < earlier && attempts < 50; attempts++) {
            LocalDate d = days.get(rnd.nextInt(days.size()));
            TimeSpan s = TimeSpan.of(at(d, p.from.plusHours(rnd.nextInt(7)), p.zone), Duration.ofHours(1));
            if (p.canTake(s, true, false)) {
                p.busy.add(BusyBlock.booked(s.start(), s.end()));
                p.earlierInterviews.merge(d, 1, Integer::sum);
                k++;
            }
        }
        for (LocalDate d : days) {
            if (!p.daysOff.contains(d)) {
                meetings(p, d, p.from, 32, share, 2, 6);
            }
        }
    }

    private void staffCalendar(Person p, double share, boolean host) {
        for (LocalDate d : days) {
            if (p.daysOff.contains(d)) {
                p.busy.add(BusyBlock.timeOff(d.atStartOfDay(p.zone).toInstant(), d.plusDays(1).atStartOfDay(p.zone).toInstant()));
                continue;
            }
            if (host && !p.plantedLunch.contains(d) && rnd.nextInt(3) == 0) {
                TimeSpan s = TimeSpan.of(at(d, LocalTime.of(11, 30).plusMinutes(30L * rnd.nextInt(3)), ZONE),
                        Duration.ofHours(1));
                if (!overlapsAny(s, p.planted)) {
                    p.busy.add(BusyBlock.booked(s.start(), s.end()));
                }
            }
            meetings(p, d, p.from, 32, share, 2, 6);
        }
    }

    /** Meetings for a person on day d, around their planted sessions and existing blocks. */
    private void meetings(Person p, LocalDate d, LocalTime from, int quarters, double share, int minQ, int maxQ) {
        List<TimeSpan> avoid = new ArrayList<>(p.planted);
        p.busy.forEach(b -> avoid.add(new TimeSpan(b.start(), b.end())));
        for (TimeSpan m : meetingSpans(d, p.zone, from, quarters, share, minQ, maxQ, avoid)) {
            p.busy.add(BusyBlock.booked(m.start(), m.end()));
        }
    }

    /**
     * Non-overlapping meetings of {@code minQ..maxQ} quarter hours at random quarter hours in the
     * {@code quarters} quarter hours from {@code from} (local), until about {@code share × load} of them
     * is covered; never in the lunch hour 11:30–12:30 nor over anything in {@code avoid}.
     */
    private List<TimeSpan> meetingSpans(LocalDate d, ZoneId zone, LocalTime from, int quarters, double share, int minQ,
                                        int maxQ, List<TimeSpan> avoid) {
        boolean[] taken = new boolean[quarters];
        for (int q = 0; q < quarters; q++) {
            LocalTime t = from.plusMinutes(15L * q);
            TimeSpan cell = TimeSpan.of(at(d, t, zone), Duration.ofMinutes(15));
            taken[q] = !t.isBefore(LUNCH_HOUR.from()) && t.isBefore(LUNCH_HOUR.to()) || overlapsAny(cell, avoid);
        }
        int target = (int) Math.round(quarters * share * load);
        int filled = 0;
        List<TimeSpan> out = new ArrayList<>();
        for (int attempts = 0; filled < target && attempts < 200; attempts++) {
            int length = Math.min(minQ + rnd.nextInt(maxQ - minQ + 1), Math.max(1, target - filled));
            int start = rnd.nextInt(quarters - length + 1);
            boolean free = true;
            for (int q = start; q < start + length; q++) {
                free &= !taken[q];
            }
            if (!free) {
                continue;
            }
            for (int q = start; q < start + length; q++) {
                taken[q] = true;
            }
            filled += length;
            out.add(TimeSpan.of(at(d, from.plusMinutes(15L * start), zone), Duration.ofMinutes(15L * length)));
        }
        return out;
    }

    // ------------------------------------------------------------------ finalists

    /** Home day with a window covering the planted loop, plus extra days as described in the class comment. */
    private Finalist finalist(int f, int homeDay, int template) {
        TreeSet<Integer> free = new TreeSet<>();
        free.add(homeDay);
        int kind = rnd.nextInt(10);
        int extra = kind < 3 ? days.size() : kind < 6 ? 2 : kind < 8 ? 1 : 0;
        while (free.size() < Math.min(days.size(), 1 + extra)) {
            free.add(rnd.nextInt(days.size()));
        }
        String[] starts = TEMPLATES[template];
        LocalTime loopStart = LocalTime.parse(starts[0]);
        LocalTime loopEnd = LocalTime.MIN;
        for (int s = 0; s < starts.length; s++) {
            LocalTime end = LocalTime.parse(starts[s]).plusMinutes(MINUTES[s]);
            loopEnd = end.isAfter(loopEnd) ? end : loopEnd;
        }
        List<TimeSpan> availability = new ArrayList<>();
        for (int d : free) {
            LocalDate day = days.get(d);
            String[] w;
            if (d == homeDay) {
                do {
                    w = window(true);
                } while (LocalTime.parse(w[0]).isAfter(loopStart) || LocalTime.parse(w[1]).isBefore(loopEnd));
            } else {
                w = window(false);
            }
            availability.add(Loops.span(day, w[0], w[1]));
        }
        return new Finalist(f + 1, String.format(Locale.ROOT, "Finalist %02d", f + 1), days.get(homeDay), availability);
    }

    /** A day's window: whole day 60%, else a partial one; only extra days may get an afternoon-only one. */
    private String[] window(boolean homeDay) {
        int r = rnd.nextInt(10);
        if (r < 6) {
            return new String[] {"08:30", "17:00"};
        }
        return switch (r) {
            case 6 -> new String[] {"08:00", "14:30"};
            case 7 -> new String[] {"10:00", "17:00"};
            case 8 -> new String[] {"09:00", "15:30"};
            default -> homeDay || rnd.nextBoolean() ? new String[] {"09:30", "16:00"} : new String[] {"13:00", "17:00"};
        };
    }

    // ------------------------------------------------------------------ time

    private static boolean overlapsAny(TimeSpan s, List<TimeSpan> spans) {
        for (TimeSpan x : spans) {
            if (x.overlaps(s.start(), s.end())) {
                return true;
            }
        }
        return false;
    }

    private static Instant at(LocalDate d, LocalTime t, ZoneId zone) {
        return d.atTime(t).atZone(zone).toInstant();
    }
}
