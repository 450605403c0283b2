package dev.secondround.feedback.comparison;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A job's candidates side by side: the same columns for all, sorting, finalists, and who may see which scores. */
@QuarkusTest
class FeedbackComparisonTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;

    @Test
    void candidatesAreComparedOnTheSameAttributesAndSortedByOverallAttributeOrName() {
        String job = Applications.newJob(A, Loops.HIRING_MANAGER);
        BookedLoop ana = candidate(job, "Ana Alvarez");
        Loops.submit(ana, "aiko", Map.of("communication", 2), 4, "YES");
        Loops.submit(ana, "tomasz", Map.of("communication", 2), 4, "STRONG_YES");
        BookedLoop ben = candidate(job, "Ben Brandt");
        Loops.submit(ben, "aiko", Map.of("communication", 4), 3, "YES");
        Loops.submit(ben, "tomasz", Map.of("communication", 4), 2, "NO");
        BookedLoop cleo = candidate(job, "Cleo Castellanos");
        Loops.submit(cleo, "aiko", Map.of("communication", 3), 2, "NO");
        Loops.submit(cleo, "tomasz", Map.of("communication", 3), 2, "NO");
        // Only the tour guide has written about Dov: the light form rates three attributes.
        BookedLoop dov = candidate(job, "Dov Dahan");
        Loops.submit(dov, "guide", 3, "YES");
        candidate(job, "Eve Nobody-Yet");

        JsonPath all = compare(Loops.recruiter(A), job, Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals("overall", all.getString("sort"));
        assertEquals("desc", all.getString("direction"));
        assertEquals(List.of("Ana Alvarez", "Dov Dahan", "Ben Brandt", "Cleo Castellanos"), names(all),
                "3.5, 3.0, 2.5, 2.0; no row for a candidate without scorecards");
        assertEquals(8, all.getList("attributes").size(), "every attribute of the forms used");
        assertEquals("depth_of_experience", all.getString("attributes[0].key"));
        assertEquals("Depth of experience", all.getString("attributes[0].name"));

        Map<String, Object> anaRow = row(all, "Ana Alvarez");
        assertEquals(ana.applicationId(), anaRow.get("applicationId"));
        assertEquals(3.5f, anaRow.get("overall"));
        assertEquals(2, anaRow.get("scorecards"));
        assertEquals(2.0f, ((Map<?, ?>) anaRow.get("attributes")).get("communication"));
        assertEquals(4.0f, ((Map<?, ?>) anaRow.get("attributes")).get("job_knowledge"));
        assertEquals(Map.of("STRONG_NO", 0, "NO", 0, "YES", 1, "STRONG_YES", 1), ((Map<?, ?>) anaRow.get("recommendations")).get("counts"));
        assertEquals(false, anaRow.get("disagreement"));
        assertEquals(2, anaRow.get("headlineRound"));
        assertEquals(false, anaRow.get("finalist"));
        assertEquals(true, row(all, "Ben Brandt").get("disagreement"), "a yes and a no");
        Map<?, ?> dovs = (Map<?, ?>) row(all, "Dov Dahan").get("attributes");
        assertEquals(8, dovs.size(), "the same columns for everyone");
        assertTrue(dovs.containsKey("depth_of_experience"));
        assertNull(dovs.get("depth_of_experience"), "not on the light form");
        assertEquals(3.0f, dovs.get("professional_demeanour"));

        assertEquals(List.of("Ben Brandt", "Cleo Castellanos", "Ana Alvarez", "Dov Dahan"),
                names(compare(Loops.recruiter(A), job, Map.of("sort", "attribute:communication"))), "4, 3, 2, not rated");
        assertEquals(List.of("Ana Alvarez", "Cleo Castellanos", "Ben Brandt", "Dov Dahan"),
                names(compare(Loops.recruiter(A), job, Map.of("sort", "attribute:communication", "direction", "asc"))),
                "not rated stays last");
        assertEquals(List.of("Ana Alvarez", "Ben Brandt", "Cleo Castellanos", "Dov Dahan"),
                names(compare(Loops.recruiter(A), job, Map.of("sort", "name"))));
        assertEquals(List.of("Dov Dahan", "Cleo Castellanos", "Ben Brandt", "Ana Alvarez"),
                names(compare(Loops.recruiter(A), job, Map.of("sort", "name", "direction", "desc"))));
        assertEquals(List.of("Cleo Castellanos", "Ben Brandt", "Dov Dahan", "Ana Alvarez"),
                names(compare(Loops.recruiter(A), job, Map.of("direction", "asc"))));

        assertEquals(4, compare(Loops.recruiter(A), job, Map.of("round", 2)).then().statusCode(200).extract().jsonPath()
                .getList("rows").size());
        compare(Loops.recruiter(A), job, Map.of("round", 1)).then().statusCode(200).body("rows.size()", equalTo(0));
    }

    @Test
    void badSortingIsRefusedWithTheParameterNamed() {
        String job = Applications.newJob(A, Loops.HIRING_MANAGER);
        Loops.submit(candidate(job, "Ana Alvarez"), "aiko", 3, "YES");
        compare(Loops.recruiter(A), job, Map.of("sort", "attribute:charisma")).then().statusCode(400)
                .body("errors[0].field", equalTo("sort")).body("detail", containsString("charisma"));
        compare(Loops.recruiter(A), job, Map.of("sort", "salary")).then().statusCode(400).body("errors[0].field", equalTo("sort"));
        compare(Loops.recruiter(A), job, Map.of("direction", "up")).then().statusCode(400).body("errors[0].field", equalTo("direction"));
        compare(Loops.recruiter(A), job, Map.of("round", 0)).then().statusCode(400);
        // Rated only on the light form, still a column to sort by.
        compare(Loops.recruiter(A), job, Map.of("sort", "attribute:enthusiasm")).then().statusCode(200);
    }

    @Test
    void theLatestDecisionIsShownAndFinalistsAreMarked() throws SQLException {
        String job = Applications.newJob(A, Loops.HIRING_MANAGER);
        BookedLoop ana = candidate(job, "Ana Alvarez");
        Loops.submit(ana, "aiko", 4, "YES");
        BookedLoop ben = candidate(job, "Ben Brandt");
        Loops.submit(ben, "aiko", 3, "YES");
        BookedLoop cleo = candidate(job, "Cleo Castellanos");
        Loops.submit(cleo, "aiko", 2, "NO");
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS);
        Instant later = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MICROS);
        decide(A, ana, "FINALIST", earlier);
        decide(A, ben, "FINALIST", earlier);
        decide(A, ben, "REJECT", later);
        decide(A, cleo, "OFFER", later);

        JsonPath all = compare(Loops.recruiter(A), job, Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals("FINALIST", row(all, "Ana Alvarez").get("latestDecision"));
        assertEquals(true, row(all, "Ana Alvarez").get("finalist"));
        assertEquals("REJECT", row(all, "Ben Brandt").get("latestDecision"), "the latest decision counts");
        assertEquals(false, row(all, "Ben Brandt").get("finalist"));
        assertEquals(true, row(all, "Cleo Castellanos").get("finalist"), "an offer is past the finalist stage");
        assertEquals(later, Instant.parse((String) row(all, "Cleo Castellanos").get("decidedAt")));
    }

    @Test
    void theHiringManagerSeesScoresOnlyForCandidatesTheyAlreadyGaveTheirOwnOpinionOn() {
        String job = Applications.newJob(A, Loops.HIRING_MANAGER);
        BookedLoop owed = candidate(job, "Ana Alvarez");
        Loops.submit(owed, "aiko", 4, "STRONG_YES");
        BookedLoop done = candidate(job, "Ben Brandt");
        Loops.submit(done, "aiko", 2, "NO");
        Loops.submit(done, Loops.HIRING_MANAGER, 2, "NO");

        JsonPath asManager = compare(Loops.as(A, Loops.HIRING_MANAGER), job, Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Ben Brandt", "Ana Alvarez"), names(asManager), "hidden rows last");
        Map<String, Object> hidden = row(asManager, "Ana Alvarez");
        assertEquals(true, hidden.get("scoresHidden"));
        assertTrue(((String) hidden.get("hiddenReason")).startsWith("submit your own scorecard first"));
        assertNull(hidden.get("overall"));
        assertNull(hidden.get("attributes"));
        assertNull(hidden.get("recommendations"));
        assertNull(hidden.get("disagreement"));
        assertEquals(List.of(), hidden.get("rounds"));
        assertEquals(false, row(asManager, "Ben Brandt").get("scoresHidden"));
        assertEquals(2.0f, row(asManager, "Ben Brandt").get("overall"));

        // The recruiter is not at risk of anchoring: every score.
        assertEquals(4.0f, row(compare(Loops.recruiter(A), job, Map.of()).then().statusCode(200).extract().jsonPath(), "Ana Alvarez")
                .get("overall"));
        // Once the hiring manager's own is in, the row opens.
        Loops.submit(owed, Loops.HIRING_MANAGER, 3, "YES");
        Map<String, Object> opened = row(compare(Loops.as(A, Loops.HIRING_MANAGER), job, Map.of()).then().statusCode(200).extract()
                .jsonPath(), "Ana Alvarez");
        assertEquals(false, opened.get("scoresHidden"));
        assertEquals(3.5f, opened.get("overall"));
    }

    @Test
    void onlyTheJobsHiringManagerAndTheRecruitingSideCompareAndOtherOrganisationsSeeNothing() {
        String job = Applications.newJob(A, Loops.HIRING_MANAGER);
        Loops.submit(candidate(job, "Ana Alvarez"), "aiko", 4, "YES");
        Map<String, Object> unknown = problem(compare(Loops.recruiter(A), UUID.randomUUID().toString(), Map.of()), 404);

        assertEquals(unknown, problem(compare(Loops.recruiter(B), job, Map.of()), 404), "another organisation's recruiter");
        assertEquals(unknown, problem(compare(Loops.as(B, Loops.HIRING_MANAGER), job, Map.of()), 404));
        assertEquals(unknown, problem(compare(Loops.as(A, "otherboss", "hiring_manager"), job, Map.of()), 404),
                "the hiring manager of other jobs");
        compare(Loops.as(A, "aiko"), job, Map.of()).then().statusCode(403).body("type", containsString("forbidden"));
        compare(Loops.as(A, "cora", "coordinator"), job, Map.of()).then().statusCode(403);
        compare(Loops.as(A, "admin", "tenant_admin"), job, Map.of()).then().statusCode(200).body("rows.size()", equalTo(1));
        compare(Loops.as(A, "ats", "integration"), job, Map.of()).then().statusCode(200).body("rows.size()", equalTo(1));
    }

    @Test
    void atMostTwoHundredApplicationsAreComparedThoseWithTheMostRecentScorecards() throws Exception {
        String job = Applications.newJob(A, Loops.HIRING_MANAGER);
        BookedLoop latest = candidate(job, "Ana Alvarez");
        String scorecardId = Loops.submit(latest, "aiko", 3, "YES");
        // 200 more applications, each with one scorecard submitted 1..200 minutes before Ana's.
        copyApplication(latest, scorecardId, 200);

        JsonPath all = compare(Loops.recruiter(A), job, Map.of()).then().statusCode(200).extract().jsonPath();
        assertEquals(200, all.getList("rows").size());
        assertTrue(all.getBoolean("truncated"));
        List<String> ids = all.getList("rows.applicationId");
        assertTrue(ids.contains(latest.applicationId()), "the most recent is compared");
        assertTrue(ids.contains(copyOf(latest.applicationId(), 199)));
        assertFalse(ids.contains(copyOf(latest.applicationId(), 200)), "the least recent is left out");
    }

    /** A new application of the job with a loop held yesterday in round 2, its candidate named {@code name}. */
    private static BookedLoop candidate(String jobId, String name) {
        BookedLoop loop = Loops.standard(A, Applications.appliedTo(A, jobId), jobId, 2, Instant.now().minus(1, ChronoUnit.DAYS));
        loop.snapshot().put("candidateName", name);
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        return loop;
    }

    private static Response compare(RequestSpecification as, String jobId, Map<String, ?> query) {
        return as.queryParams(query).get("/v1/jobs/" + jobId + "/feedback-comparison");
    }

    private static List<String> names(Response response) {
        return names(response.then().statusCode(200).extract().jsonPath());
    }

    private static List<String> names(JsonPath comparison) {
        return comparison.getList("rows.candidateName");
    }

    private static Map<String, Object> row(JsonPath comparison, String name) {
        List<Map<String, Object>> rows = comparison.getList("rows");
        return rows.stream().filter(r -> name.equals(r.get("candidateName"))).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    private static Map<String, Object> problem(Response response, int status) {
        Map<String, Object> body = new HashMap<>(response.then().statusCode(status).extract().jsonPath().getMap(""));
        body.remove("instance");
        return body;
    }

    /**
     * {@code copies} applications of the same job, each with a copy of the loop's request and submitted
     * scorecard, the n-th submitted n minutes earlier (ids md5-derived, see {@link #copyOf}).
     */
    private static void copyApplication(BookedLoop loop, String scorecardId, int copies) throws SQLException {
        try (Connection c = tenantConnection(A)) {
            try (PreparedStatement requests = c.prepareStatement("""
                    insert into feedback.feedback_request (id, tenant_id, version, created_at, updated_at, loop_id, application_id, job_id,
                        round, candidate_name, job_title, interviewer_id, participant_subject, participant_name, participant_title,
                        participant_email, role_kind, sessions, form, template_id, template, due_at, status, reminders_sent)
                    select md5(r.id::text || ':' || g)::uuid, r.tenant_id, r.version, r.created_at, r.updated_at,
                        md5(r.loop_id::text || ':' || g)::uuid, md5(r.application_id::text || ':' || g)::uuid, r.job_id, r.round,
                        r.candidate_name, r.job_title, r.interviewer_id, r.participant_subject, r.participant_name, r.participant_title,
                        r.participant_email, r.role_kind, r.sessions, r.form, r.template_id, r.template, r.due_at, r.status, r.reminders_sent
                    from feedback.feedback_request r join feedback.scorecard s on s.request_id = r.id
                    cross join generate_series(1, ?) g where s.id = ?""");
                 PreparedStatement scorecards = c.prepareStatement("""
                    insert into feedback.scorecard (id, tenant_id, version, created_at, updated_at, request_id, application_id, job_id, round,
                        author_subject, author_name, author_title, role_kind, form, status, ratings, recommendation, answers, notes,
                        submitted_at, revision)
                    select md5(s.id::text || ':' || g)::uuid, s.tenant_id, s.version, s.created_at, s.updated_at,
                        md5(s.request_id::text || ':' || g)::uuid, md5(s.application_id::text || ':' || g)::uuid, s.job_id, s.round,
                        s.author_subject, s.author_name, s.author_title, s.role_kind, s.form, s.status, s.ratings, s.recommendation,
                        s.answers, s.notes, s.submitted_at - g * interval '1 minute', s.revision
                    from feedback.scorecard s cross join generate_series(1, ?) g where s.id = ?""")) {
                for (PreparedStatement insert : List.of(requests, scorecards)) {
                    insert.setInt(1, copies);
                    insert.setObject(2, UUID.fromString(scorecardId));
                    assertEquals(copies, insert.executeUpdate());
                }
            }
            c.commit();
        }
    }

    /** PostgreSQL's {@code md5(id || ':' || n)::uuid}. */
    private static String copyOf(String id, int n) throws Exception {
        byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest((id + ":" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hex = java.util.HexFormat.of().formatHex(md5);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-"
                + hex.substring(20);
    }

    /** The application role under the tenant's row-level security, as the service connects; commit to keep what you wrote. */
    private static Connection tenantConnection(String tenant) throws SQLException {
        var db = PostgresTestResource.database();
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
        c.setAutoCommit(false);
        try (PreparedStatement set = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenant);
            set.execute();
        }
        return c;
    }

    /**
     * A decision row as the decisions feature stores it (not on this branch yet), written under the
     * tenant's row-level security as the application role.
     */
    private static void decide(String tenant, BookedLoop loop, String outcome, Instant at) throws SQLException {
        try (Connection c = tenantConnection(tenant)) {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into feedback.decision (id, tenant_id, version, created_at, updated_at, application_id, job_id, round, outcome,
                        rationale, decided_by_subject, decided_by_name, delivery_status)
                    values (?, ?, 0, ?, ?, ?, ?, ?, ?, 'from the panel''s feedback', ?, 'Siobhán Ní Bhriain', 'APPLIED')""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, tenant);
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setTimestamp(4, Timestamp.from(at));
                insert.setObject(5, UUID.fromString(loop.applicationId()));
                insert.setObject(6, UUID.fromString(loop.jobId()));
                insert.setInt(7, loop.round());
                insert.setString(8, outcome);
                insert.setString(9, TestTokens.subjectOf(tenant, Loops.HIRING_MANAGER));
                insert.executeUpdate();
            }
            c.commit();
        }
    }
}
