package dev.secondround.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.comparison.ComparisonService;
import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.platform.tenant.CurrentTenant;
import dev.secondround.testing.Applications;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Latency of the feedback summary and the candidate comparison (issue 4, item 9) for one job with 50
 * candidates × 8 scorecards × 2 rounds = 800 submitted scorecards, measured over HTTP with a real
 * signed token after a warm-up. Not a test: its name does not match surefire's includes (like the
 * scheduling service's {@code SchedulingBenchmark}), so {@code mvn test} skips it; run it by hand with
 * {@code -Dtest=FeedbackBenchmark} (command and figures in feedback-service/README.md). It prints
 * p50/p95/max and EXPLAIN ANALYZE of the main queries, and writes them to
 * {@code target/feedback-benchmark.txt}.
 *
 * <p>Loops and feedback requests are made by the service itself (PUT /v1/loops, as scheduling sends
 * them); the 800 scorecards and their first revisions are then written with SQL exactly as the
 * service stores a submission, because 3,200 HTTP calls to save and submit them would only slow the
 * set-up down.
 */
@QuarkusTest
class FeedbackBenchmark {

    private static final String A = TestTokens.TENANT_A;
    private static final int CANDIDATES = Integer.getInteger("benchmark.candidates", 50);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 300);
    private static final int SUMMARIES = Integer.getInteger("benchmark.summaries", 1000);
    private static final int COMPARISONS = Integer.getInteger("benchmark.comparisons", 200);
    /** Other jobs of the tenant with the same volume, so that the planner faces a table where one job is a small part. */
    private static final int OTHER_JOBS = Integer.getInteger("benchmark.otherJobs", 19);
    private static final List<String> RECOMMENDATIONS = List.of("STRONG_NO", "NO", "YES", "STRONG_YES");

    @Inject
    EntityManager em;

    private final StringBuilder report = new StringBuilder();

    @Test
    void summaryAndComparisonOfAJobWithFiftyCandidates() throws Exception {
        long setupStart = System.nanoTime();
        String jobId = Applications.newJob(A, Loops.HIRING_MANAGER);
        List<String> applications = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (int c = 0; c < CANDIDATES; c++) {
            String applicationId = UUID.randomUUID().toString();
            applications.add(applicationId);
            for (int round = 1; round <= 2; round++) {
                Instant start = now.minus(round == 1 ? 20 : 5, ChronoUnit.DAYS).plus(c % 10, ChronoUnit.HOURS);
                Loops.sync(A, eightPersonLoop(applicationId, jobId, round, start, String.format(Locale.ROOT, "Candidate %02d", c)))
                        .then().statusCode(204);
            }
        }
        int seeded = seedScorecards(jobId);
        assertEquals(CANDIDATES * 2 * 8, seeded, "8 scorecards per candidate and round");
        int decisions = seedDecisions(jobId, applications, now);
        long inTenant = seedOtherJobs(jobId);
        analyze();
        line("set-up: %d candidates, %d submitted scorecards and %d decisions for the job measured; %d scorecards in the tenant "
                + "(%d other jobs alike); %.1f s", CANDIDATES, seeded, decisions, inTenant, OTHER_JOBS, (System.nanoTime() - setupStart) / 1e9);

        String token = TestTokens.token(A, Loops.HIRING_MANAGER, Loops.AUDIENCE, "hiring_manager");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + RestAssured.port;
        IntFunction<String> summaryUri = i -> base + "/v1/applications/" + applications.get(i % applications.size())
                + "/feedback-summary" + (i % 4 == 3 ? "?round=1" : "");
        String[] sorts = {"", "?sort=attribute:professional_demeanour", "?round=2", "?sort=name"};
        IntFunction<String> comparisonUri = i -> base + "/v1/jobs/" + jobId + "/feedback-comparison" + sorts[i % sorts.length];

        // What is measured is the real thing: 8 scorecards of round 2 compared with round 1; 50 rows.
        JsonPath summary = JsonPath.from(get(http, token, summaryUri.apply(0)).body());
        assertEquals(8, summary.getList("scorecards").size());
        assertEquals(List.of(1, 2), summary.getList("changes.rounds"));
        String comparison = get(http, token, comparisonUri.apply(0)).body();
        assertEquals(CANDIDATES, JsonPath.from(comparison).getList("rows").size());
        String summaryBody = get(http, token, summaryUri.apply(0)).body();
        line("response sizes: summary %d bytes, comparison %d bytes", summaryBody.length(), comparison.length());
        Files.writeString(Path.of("target", "feedback-summary-sample.json"), JsonPath.from(summaryBody).prettify());
        Files.writeString(Path.of("target", "feedback-comparison-sample.json"), JsonPath.from(comparison).prettify());

        for (int i = 0; i < WARMUP; i++) {
            get(http, token, summaryUri.apply(i));
            if (i % 5 == 0) {
                get(http, token, comparisonUri.apply(i));
            }
        }
        report("GET feedback-summary (hiring manager)", measure(http, token, summaryUri, SUMMARIES));
        report("GET feedback-comparison (hiring manager)", measure(http, token, comparisonUri, COMPARISONS));
        line("machine: %d processors (%s), JVM %s, PostgreSQL %s", Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.vm.version"), serverVersion());

        explain("summary: the application's submitted scorecards (as Hibernate reads them)", """
                select * from scorecard s
                where s.tenant_id = :tenant and s.application_id = :application and s.status = 'SUBMITTED' and s.round is not null
                order by s.round, s.submitted_at, s.id""", Map.of("tenant", A, "application", UUID.fromString(applications.get(7))));
        explain("summary: the application's feedback requests", """
                select * from feedback_request r where r.tenant_id = :tenant and r.application_id = :application
                order by r.created_at, r.id""", Map.of("tenant", A, "application", UUID.fromString(applications.get(7))));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", A);
        params.put("job", UUID.fromString(jobId));
        params.put("allRounds", true);
        params.put("round", 0);
        params.put("limit", ComparisonService.MAX_APPLICATIONS + 1);
        params.put("subject", TestTokens.subjectOf(A, Loops.HIRING_MANAGER));
        explain("comparison: every scorecard of the job aggregated per application, round and attribute", ComparisonService.AGGREGATES_SQL,
                params);
        explain("comparison: the attribute names of the forms used for the job", ComparisonService.ATTRIBUTE_NAMES_SQL,
                Map.of("tenant", A, "job", UUID.fromString(jobId)));

        Path out = Path.of("target", "feedback-benchmark.txt");
        Files.writeString(out, report);
        System.out.println("\n===== FeedbackBenchmark =====\n" + report + "===== written to " + out.toAbsolutePath() + " =====");
    }

    private static HttpResponse<String> get(HttpClient http, String token, String uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return response;
    }

    private static long[] measure(HttpClient http, String token, IntFunction<String> uri, int n) throws Exception {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            String u = uri.apply(i);
            long t0 = System.nanoTime();
            get(http, token, u);
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    /** Nearest-rank percentiles, in milliseconds. */
    private void report(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        line("%-42s n=%d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms", label, sorted.length, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** The standard loop plus an executive interview and a third panelist: 6 full forms and 2 light ones (tour, lunch). */
    private static Map<String, Object> eightPersonLoop(String applicationId, String jobId, int round, Instant start, String candidate) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        List<Map<String, Object>> sessions = new ArrayList<>();
        sessions.add(session("hm", "Meet the hiring manager", "INTERVIEW", start, 0, 45, person(ids, Loops.HIRING_MANAGER, "HIRING_MANAGER")));
        sessions.add(session("tech", "Technical deep dive", "TECHNICAL", start, 45, 60, person(ids, "tomasz", "TECHNICAL_CONSULTANT")));
        sessions.add(session("exec", "Meet the director", "EXECUTIVE", start, 105, 30, person(ids, "ravi", "EXECUTIVE")));
        sessions.add(session("panel", "Peer panel", "PANEL", start, 135, 45, person(ids, "aiko", "PEER"), person(ids, "femi", "PEER"),
                person(ids, "noor", "DIRECT_REPORT")));
        sessions.add(session("tour", "Department tour", "TOUR", start, 180, 30, person(ids, "guide", "TOUR_GUIDE")));
        sessions.add(session("lunch", "Lunch with the team", "LUNCH", start, 210, 60, person(ids, "lunchhost", "PEER"),
                person(ids, "guide", "TOUR_GUIDE")));
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("loopId", UUID.randomUUID().toString());
        loop.put("version", 1);
        loop.put("status", "BOOKED");
        loop.put("applicationId", applicationId);
        loop.put("candidateId", UUID.randomUUID().toString());
        loop.put("candidateName", candidate);
        loop.put("jobId", jobId);
        loop.put("jobTitle", Applications.JOB_TITLE);
        loop.put("round", round);
        loop.put("roundName", round == 1 ? "First interview" : "Second round: onsite loop");
        loop.put("timeZone", "Europe/Berlin");
        loop.put("day", start.toString().substring(0, 10));
        loop.put("startsAt", start.toString());
        loop.put("endsAt", start.plus(270, ChronoUnit.MINUTES).toString());
        loop.put("sessions", sessions);
        return loop;
    }

    @SafeVarargs
    private static Map<String, Object> session(String key, String title, String kind, Instant loopStart, int offset, int minutes,
                                               Map<String, Object>... participants) {
        Instant start = loopStart.plus(offset, ChronoUnit.MINUTES);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionKey", key);
        session.put("title", title);
        session.put("kind", kind);
        session.put("startsAt", start.toString());
        session.put("endsAt", start.plus(minutes, ChronoUnit.MINUTES).toString());
        session.put("participants", List.of(participants));
        return session;
    }

    private static Map<String, Object> person(Map<String, UUID> ids, String username, String roleKind) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("interviewerId", ids.computeIfAbsent(username, u -> UUID.nameUUIDFromBytes(("interviewer:" + u).getBytes())).toString());
        p.put("fullName", Character.toUpperCase(username.charAt(0)) + username.substring(1) + " Testperson");
        p.put("title", roleKind.replace('_', ' ').toLowerCase(Locale.ROOT));
        p.put("roleKind", roleKind);
        p.put("email", username + "@helix.example");
        p.put("oidcSubject", TestTokens.subjectOf(A, username));
        return p;
    }

    /**
     * Every request of the job answered as ScorecardService stores a submission: the scorecard
     * (SUBMITTED, revision 1, ratings in the form's order), its first revision, the request SUBMITTED.
     * Each candidate has a level of their own, each interviewer some noise, so the comparison has
     * something to sort.
     */
    private static int seedScorecards(String jobId) throws SQLException {
        Random random = new Random(20261122L);
        Map<String, Double> level = new LinkedHashMap<>();
        int n = 0;
        try (Connection c = connection()) {
            List<Object[]> requests = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select r.id, r.application_id, r.job_id, r.round, r.participant_subject, r.participant_name, r.participant_title,
                           r.role_kind, r.form, array(select a ->> 'key' from jsonb_array_elements(r.template -> 'attributes') a), r.due_at
                    from feedback.feedback_request r where r.job_id = ? order by r.application_id, r.round, r.participant_name""")) {
                select.setObject(1, UUID.fromString(jobId));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Array keys = rs.getArray(10);
                        requests.add(new Object[] {rs.getObject(1), rs.getObject(2), rs.getObject(3), rs.getInt(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), (String[]) keys.getArray(),
                                rs.getTimestamp(11).toInstant()});
                    }
                }
            }
            try (PreparedStatement scorecard = c.prepareStatement("""
                    insert into feedback.scorecard (id, tenant_id, version, created_at, updated_at, request_id, application_id, job_id, round,
                        author_subject, author_name, author_title, role_kind, form, status, ratings, recommendation, answers, notes,
                        submitted_at, revision)
                    values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', cast(? as jsonb), ?, '[]', ?, ?, 1)""");
                 PreparedStatement revision = c.prepareStatement("""
                    insert into feedback.scorecard_revision (id, tenant_id, version, created_at, updated_at, scorecard_id, revision, ratings,
                        recommendation, answers, notes, change_reason, submitted_by)
                    values (?, ?, 0, ?, ?, ?, 1, cast(? as jsonb), ?, '[]', ?, null, ?)""");
                 PreparedStatement submitted = c.prepareStatement(
                         "update feedback.feedback_request set status = 'SUBMITTED', version = version + 1, updated_at = ? where id = ?")) {
                for (Object[] r : requests) {
                    double candidate = level.computeIfAbsent(r[1].toString(), k -> 1.6 + random.nextDouble() * 2.0);
                    int round = (int) r[3];
                    // Some candidates slip in the second round, some grow into it.
                    double mean = candidate + (round == 2 ? (random.nextDouble() - 0.5) * 0.6 : 0);
                    StringBuilder json = new StringBuilder("{");
                    int sum = 0;
                    String[] keys = (String[]) r[9];
                    for (int k = 0; k < keys.length; k++) {
                        int rating = (int) Math.max(1, Math.min(4, Math.round(mean + random.nextGaussian() * 0.7)));
                        sum += rating;
                        json.append(k == 0 ? "" : ", ").append('"').append(keys[k]).append("\": ").append(rating);
                    }
                    json.append('}');
                    double average = (double) sum / keys.length;
                    String recommendation = RECOMMENDATIONS.get(average < 1.75 ? 0 : average < 2.5 ? 1 : average < 3.25 ? 2 : 3);
                    Instant at = ((Instant) r[10]).minus(20 + random.nextInt(600), ChronoUnit.MINUTES);
                    UUID id = UUID.randomUUID();
                    String notes = r[5] + ": " + (average >= 2.5 ? "clear examples from their own projects; would enjoy working with them."
                            : "answers stayed general; could not say how they handled the outage they mentioned.");
                    int i = 1;
                    scorecard.setObject(i++, id);
                    scorecard.setString(i++, A);
                    scorecard.setTimestamp(i++, Timestamp.from(at.minus(5, ChronoUnit.MINUTES)));
                    scorecard.setTimestamp(i++, Timestamp.from(at));
                    scorecard.setObject(i++, r[0]);
                    scorecard.setObject(i++, r[1]);
                    scorecard.setObject(i++, r[2]);
                    scorecard.setInt(i++, round);
                    scorecard.setString(i++, (String) r[4]);
                    scorecard.setString(i++, (String) r[5]);
                    scorecard.setString(i++, (String) r[6]);
                    scorecard.setString(i++, (String) r[7]);
                    scorecard.setString(i++, (String) r[8]);
                    scorecard.setString(i++, json.toString());
                    scorecard.setString(i++, recommendation);
                    scorecard.setString(i++, notes);
                    scorecard.setTimestamp(i, Timestamp.from(at));
                    scorecard.addBatch();
                    i = 1;
                    revision.setObject(i++, UUID.randomUUID());
                    revision.setString(i++, A);
                    revision.setTimestamp(i++, Timestamp.from(at));
                    revision.setTimestamp(i++, Timestamp.from(at));
                    revision.setObject(i++, id);
                    revision.setString(i++, json.toString());
                    revision.setString(i++, recommendation);
                    revision.setString(i++, notes);
                    revision.setString(i, (String) r[5]);
                    revision.addBatch();
                    submitted.setTimestamp(1, Timestamp.from(at));
                    submitted.setObject(2, r[0]);
                    submitted.addBatch();
                    n++;
                }
                scorecard.executeBatch();
                revision.executeBatch();
                submitted.executeBatch();
            }
            c.commit();
        }
        return n;
    }

    /** Round 1 moved 20 candidates to the next round; after round 2, 5 of them became finalists. */
    private static int seedDecisions(String jobId, List<String> applications, Instant now) throws SQLException {
        int n = 0;
        try (Connection c = connection(); PreparedStatement insert = c.prepareStatement("""
                insert into feedback.decision (id, tenant_id, version, created_at, updated_at, application_id, job_id, round, outcome,
                    rationale, decided_by_subject, decided_by_name, delivery_status, delivery_attempts, applied_at, applied_stage)
                values (?, ?, 0, ?, ?, ?, ?, ?, ?, 'the panel was convinced', ?, 'Siobhan Testperson', 'APPLIED', 1, ?, ?)""")) {
            for (int i = 0; i < 20; i++) {
                for (int round = 1; round <= (i < 5 ? 2 : 1); round++) {
                    Instant at = now.minus(round == 1 ? 18 : 3, ChronoUnit.DAYS);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, A);
                    insert.setTimestamp(3, Timestamp.from(at));
                    insert.setTimestamp(4, Timestamp.from(at));
                    insert.setObject(5, UUID.fromString(applications.get(i)));
                    insert.setObject(6, UUID.fromString(jobId));
                    insert.setInt(7, round);
                    insert.setString(8, round == 1 ? "NEXT_ROUND" : "FINALIST");
                    insert.setString(9, TestTokens.subjectOf(A, Loops.HIRING_MANAGER));
                    insert.setTimestamp(10, Timestamp.from(at.plusSeconds(5)));
                    insert.setString(11, round == 1 ? "ROUND" : "FINALIST");
                    insert.addBatch();
                    n++;
                }
            }
            insert.executeBatch();
            c.commit();
        }
        return n;
    }

    /**
     * The job's loops, requests, scorecards and decisions copied to {@link #OTHER_JOBS} other jobs of
     * the tenant, a week apart each (ids derived with md5 so that the copies still reference each other).
     * Returns the number of submitted scorecards in the tenant.
     */
    private static long seedOtherJobs(String jobId) throws SQLException {
        String id = "md5(%s::text || ':' || g)::uuid";
        String weeks = "g * interval '7 days'";
        try (Connection c = connection()) {
            execute(c, jobId, """
                    insert into feedback.job_ref (id, tenant_id, version, created_at, updated_at, job_id, title, hiring_manager_subject,
                        hiring_manager_name, hiring_manager_email)
                    select %s, tenant_id, version, created_at, updated_at, %s, title, hiring_manager_subject, hiring_manager_name,
                        hiring_manager_email
                    from feedback.job_ref cross join generate_series(1, ?) g where job_id = ?"""
                    .formatted(id.formatted("id"), id.formatted("job_id")));
            execute(c, jobId, """
                    insert into feedback.feedback_loop (id, tenant_id, version, created_at, updated_at, loop_id, loop_version, status,
                        application_id, candidate_id, candidate_name, job_id, job_title, round, round_name, time_zone, day, starts_at, ends_at)
                    select %s, tenant_id, version, created_at - %s, updated_at - %s, %s, loop_version, status, %s, candidate_id,
                        candidate_name, %s, job_title, round, round_name, time_zone, day - g * 7, starts_at - %s, ends_at - %s
                    from feedback.feedback_loop cross join generate_series(1, ?) g where job_id = ?"""
                    .formatted(id.formatted("id"), weeks, weeks, id.formatted("loop_id"), id.formatted("application_id"),
                            id.formatted("job_id"), weeks, weeks));
            execute(c, jobId, """
                    insert into feedback.feedback_request (id, tenant_id, version, created_at, updated_at, loop_id, application_id, job_id,
                        round, candidate_name, job_title, interviewer_id, participant_subject, participant_name, participant_title,
                        participant_email, role_kind, sessions, form, template_id, template, due_at, status, reminders_sent)
                    select %s, tenant_id, version, created_at - %s, updated_at - %s, %s, %s, %s, round, candidate_name, job_title,
                        interviewer_id, participant_subject, participant_name, participant_title, participant_email, role_kind, sessions,
                        form, template_id, template, due_at - %s, status, reminders_sent
                    from feedback.feedback_request cross join generate_series(1, ?) g where job_id = ?"""
                    .formatted(id.formatted("id"), weeks, weeks, id.formatted("loop_id"), id.formatted("application_id"),
                            id.formatted("job_id"), weeks));
            execute(c, jobId, """
                    insert into feedback.scorecard (id, tenant_id, version, created_at, updated_at, request_id, application_id, job_id, round,
                        author_subject, author_name, author_title, role_kind, form, status, ratings, recommendation, answers, notes,
                        submitted_at, revision)
                    select %s, tenant_id, version, created_at - %s, updated_at - %s, %s, %s, %s, round, author_subject, author_name,
                        author_title, role_kind, form, status, ratings, recommendation, answers, notes, submitted_at - %s, revision
                    from feedback.scorecard cross join generate_series(1, ?) g where job_id = ?"""
                    .formatted(id.formatted("id"), weeks, weeks, id.formatted("request_id"), id.formatted("application_id"),
                            id.formatted("job_id"), weeks));
            execute(c, jobId, """
                    insert into feedback.decision (id, tenant_id, version, created_at, updated_at, application_id, job_id, round, outcome,
                        rationale, decided_by_subject, decided_by_name, delivery_status, delivery_attempts, applied_at, applied_stage)
                    select %s, tenant_id, version, created_at - %s, updated_at - %s, %s, %s, round, outcome, rationale,
                        decided_by_subject, decided_by_name, delivery_status, delivery_attempts, applied_at - %s, applied_stage
                    from feedback.decision cross join generate_series(1, ?) g where job_id = ?"""
                    .formatted(id.formatted("id"), weeks, weeks, id.formatted("application_id"), id.formatted("job_id"), weeks));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from feedback.scorecard where status = 'SUBMITTED'")) {
                rs.next();
                long count = rs.getLong(1);
                c.commit();
                return count;
            }
        }
    }

    private static void execute(Connection c, String jobId, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setInt(1, OTHER_JOBS);
            statement.setObject(2, UUID.fromString(jobId));
            statement.executeUpdate();
        }
    }

    /** The application role under the tenant's row-level security, as the service itself connects. */
    private static Connection connection() throws SQLException {
        var db = PostgresTestResource.database();
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
        c.setAutoCommit(false);
        try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, A);
            set.execute();
        }
        return c;
    }

    /** Fresh planner statistics, as autovacuum would have them in a running system. */
    private static void analyze() throws SQLException {
        var db = PostgresTestResource.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("analyze feedback.scorecard, feedback.feedback_request, feedback.feedback_loop, feedback.decision");
        }
    }

    private static String serverVersion() throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /** EXPLAIN ANALYZE through the service's own connection pool and tenant setting (RLS policies included). */
    private void explain(String title, String sql, Map<String, Object> params) {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(CurrentTenant.class).get().useForBackgroundWork(A);
            List<?> plan = QuarkusTransaction.requiringNew().call(() -> {
                var query = em.createNativeQuery("explain (analyze, buffers, costs off) " + sql);
                params.forEach(query::setParameter);
                return query.getResultList();
            });
            line("%nEXPLAIN ANALYZE — %s", title);
            plan.forEach(row -> line("  %s", row));
            assertTrue(!plan.isEmpty());
        } finally {
            requestContext.terminate();
        }
    }
}
