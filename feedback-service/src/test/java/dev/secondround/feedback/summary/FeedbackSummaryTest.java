package dev.secondround.feedback.summary;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The panel's feedback on one candidate, aggregated for the hiring manager: figures, flags, who said what, rounds compared. */
@QuarkusTest
class FeedbackSummaryTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;

    @Test
    void theHiringManagerReadsExactFiguresFlagsAndWhoSaidWhat() {
        BookedLoop loop = Loops.booked(A);
        // Job knowledge 4, 4, 3, 1 from the four interviewers; the tour guide (light form) rates three attributes 2.
        Loops.submit(loop, Loops.HIRING_MANAGER, Map.of("job_knowledge", 4), 3, "YES");
        Loops.submit(loop, "tomasz", Map.of("job_knowledge", 4), 3, "YES");
        Loops.submit(loop, "aiko", Map.of("job_knowledge", 3), 3, "YES");
        String femis = Loops.submit(loop, "femi", Map.of("job_knowledge", 1), 3, "STRONG_NO");
        String guides = Loops.submit(loop, "guide", 2, "YES");

        JsonPath summary = summary(Loops.as(A, Loops.HIRING_MANAGER), loop.applicationId(), null).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Applications.CANDIDATE_NAME, summary.getString("candidateName"));
        assertEquals(Applications.JOB_TITLE, summary.getString("jobTitle"));
        assertEquals(loop.jobId(), summary.getString("jobId"));
        assertEquals(2, summary.getInt("round"));

        Map<String, Object> knowledge = attribute(summary, "job_knowledge");
        assertEquals("Job knowledge", knowledge.get("name"));
        assertEquals(4, knowledge.get("n"));
        assertEquals(3.0f, knowledge.get("mean"));
        assertEquals(1, knowledge.get("min"));
        assertEquals(4, knowledge.get("max"));
        assertEquals(3, knowledge.get("spread"));
        // The light form counts for what it rates: four 3s and the guide's 2.
        Map<String, Object> demeanour = attribute(summary, "professional_demeanour");
        assertEquals(5, demeanour.get("n"));
        assertEquals(2.8f, demeanour.get("mean"));
        assertEquals(1, demeanour.get("spread"));
        assertEquals(4, attribute(summary, "depth_of_experience").get("n"), "not on the light form");
        assertEquals("depth_of_experience", summary.getString("attributes[0].key"), "in the form's order");

        assertEquals(Map.of("STRONG_NO", 1, "NO", 0, "YES", 4, "STRONG_YES", 0), summary.getMap("recommendations.counts"));
        assertEquals(4, summary.getInt("recommendations.yesSide"));
        assertEquals(1, summary.getInt("recommendations.noSide"));
        assertEquals(2.6f, summary.getFloat("recommendations.score"), "(4 × 3 + 1) / 5");

        assertTrue(summary.getBoolean("disagreement.flagged"));
        assertTrue(summary.getBoolean("disagreement.splitRecommendation"));
        assertTrue(summary.getBoolean("disagreement.strongDissent"));
        assertEquals(List.of("job_knowledge"), summary.getList("disagreement.wideSpreadAttributes"));
        assertEquals(List.of("Split recommendation: 4 yes, 1 no", "Strong dissent: 1 strong no against 4 yes",
                "Job knowledge: ratings from 1 to 4"), summary.getList("disagreement.reasons"));

        assertEquals(5, summary.getList("scorecards").size());
        Map<String, Object> femi = opinion(summary, femis);
        assertEquals("Femi Testperson", ((Map<?, ?>) femi.get("author")).get("name"));
        assertEquals("PEER", ((Map<?, ?>) femi.get("author")).get("roleKind"));
        assertEquals("FULL", femi.get("form"));
        assertEquals("STRONG_NO", femi.get("recommendation"));
        assertEquals(1, ((Map<?, ?>) femi.get("ratings")).get("job_knowledge"));
        assertEquals("femi met the candidate", femi.get("notes"));
        assertEquals(1, femi.get("revision"));
        Map<String, Object> guide = opinion(summary, guides);
        assertEquals("LIGHT", guide.get("form"));
        assertEquals(Map.of("professional_demeanour", 2, "enthusiasm", 2, "team_fit", 2), guide.get("ratings"));

        assertEquals(6, summary.getInt("completeness.requested"));
        assertEquals(5, summary.getInt("completeness.submitted"));
        assertEquals(1, summary.getInt("completeness.outstanding"));
        assertEquals(List.of("Lunchhost Testperson"), summary.getList("completeness.outstandingParticipants.name"));
        // One round only: nothing to compare with.
        assertEquals(List.of(2), summary.getList("changes.rounds"));
        assertEquals(List.of(), summary.getList("changes.notable"));
    }

    @Test
    void aUnanimousPanelIsNotFlaggedUntilSomeoneSaysNo() {
        BookedLoop loop = Loops.booked(A);
        Loops.submit(loop, "aiko", 3, "YES");
        Loops.submit(loop, "tomasz", 4, "YES");
        JsonPath agreed = summary(Loops.recruiter(A), loop.applicationId(), 2).then().statusCode(200).extract().jsonPath();
        assertFalse(agreed.getBoolean("disagreement.flagged"));
        assertEquals(List.of(), agreed.getList("disagreement.reasons"));

        Loops.submit(loop, "femi", 3, "NO");
        JsonPath split = summary(Loops.recruiter(A), loop.applicationId(), 2).then().statusCode(200).extract().jsonPath();
        assertTrue(split.getBoolean("disagreement.flagged"));
        assertTrue(split.getBoolean("disagreement.splitRecommendation"));
        assertFalse(split.getBoolean("disagreement.strongDissent"), "a plain no among yeses");
        assertEquals(List.of(), split.getList("disagreement.wideSpreadAttributes"), "3s and 4s: a spread of 1");
        assertEquals(List.of("Split recommendation: 2 yes, 1 no"), split.getList("disagreement.reasons"));

        // A strong yes against that no: someone saw something the others did not.
        Loops.submit(loop, Loops.HIRING_MANAGER, 4, "STRONG_YES");
        JsonPath dissent = summary(Loops.recruiter(A), loop.applicationId(), 2).then().statusCode(200).extract().jsonPath();
        assertTrue(dissent.getBoolean("disagreement.strongDissent"));
        assertTrue(dissent.getList("disagreement.reasons").contains("Strong dissent: 1 strong yes against 1 no"));
    }

    @Test
    void theSecondRoundIsComparedWithTheFirstAndASlipIsSpelledOut() {
        String applicationId = Applications.inRound(A, 2);
        String jobId = Applications.jobOf(A);
        BookedLoop first = Loops.standard(A, applicationId, jobId, 1, Instant.now().minus(10, ChronoUnit.DAYS));
        Loops.sync(A, first.snapshot()).then().statusCode(204);
        // Round 1: professional demeanour 4, 4, 4, 3, 3 → 3.6; everyone yes.
        Loops.submit(first, Loops.HIRING_MANAGER, Map.of("professional_demeanour", 4), 3, "YES");
        Loops.submit(first, "tomasz", Map.of("professional_demeanour", 4), 3, "YES");
        Loops.submit(first, "aiko", Map.of("professional_demeanour", 4), 3, "YES");
        Loops.submit(first, "femi", 3, "YES");
        Loops.submit(first, "guide", 3, "YES");

        BookedLoop second = Loops.standard(A, applicationId, jobId, 2, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(A, second.snapshot()).then().statusCode(204);
        // Round 2: professional demeanour 3, 2, 2, 3, 2 → 2.4; communication unchanged at 3.
        Loops.submit(second, Loops.HIRING_MANAGER, 3, "YES");
        Loops.submit(second, "tomasz", Map.of("professional_demeanour", 2), 3, "NO");
        Loops.submit(second, "aiko", Map.of("professional_demeanour", 2), 3, "NO");
        Loops.submit(second, "femi", 3, "YES");
        Loops.submit(second, "guide", 2, "NO");

        JsonPath summary = summary(Loops.as(A, Loops.HIRING_MANAGER), applicationId, null).then().statusCode(200).extract().jsonPath();
        assertEquals(2, summary.getInt("round"), "the latest round with scorecards");
        assertEquals(List.of(1, 2), summary.getList("roundsWithScorecards"));
        assertEquals(List.of(1, 2), summary.getList("changes.rounds"));
        Map<String, Object> demeanour = change(summary, "professional_demeanour");
        List<Map<String, Object>> values = (List<Map<String, Object>>) demeanour.get("rounds");
        assertEquals(3.6f, values.get(0).get("value"));
        assertEquals(null, values.get(0).get("delta"));
        assertEquals(2.4f, values.get(1).get("value"));
        assertEquals(-1.2f, values.get(1).get("delta"));
        assertEquals(1, values.get(1).get("comparedWithRound"));
        assertEquals(0.0f, ((List<Map<String, Object>>) change(summary, "communication").get("rounds")).get(1).get("delta"));
        assertEquals(List.of(3.0f, 2.4f), summary.getList("changes.overall.value"), "5 yes; then 2 yes and 3 no");
        assertEquals(List.of("Overall recommendation 3.0 → 2.4 since round 1", "Professional demeanour 3.6 → 2.4 since round 1"),
                summary.getList("changes.notable"));

        // Round 1 read on its own: nothing earlier to compare with, and only round 1's scorecards.
        JsonPath earlier = summary(Loops.recruiter(A), applicationId, 1).then().statusCode(200).extract().jsonPath();
        assertEquals(5, earlier.getList("scorecards").size());
        assertEquals(3.6f, (Float) attribute(earlier, "professional_demeanour").get("mean"));
        assertEquals(List.of(), earlier.getList("changes.notable"));
        // A round without any feedback.
        summary(Loops.recruiter(A), applicationId, 3).then().statusCode(404);
    }

    @Test
    void participantsReadItOnlyOnceTheirOwnIsInAndTheHiringManagerToo() {
        BookedLoop loop = Loops.booked(A);
        Loops.submit(loop, "aiko", 3, "YES");

        summary(Loops.as(A, "tomasz"), loop.applicationId(), null).then().statusCode(403)
                .body("type", containsString("scorecards-hidden"));
        summary(Loops.as(A, Loops.HIRING_MANAGER), loop.applicationId(), null).then().statusCode(403)
                .body("type", containsString("scorecards-hidden"));
        summary(Loops.recruiter(A), loop.applicationId(), null).then().statusCode(200).body("scorecards.size()", equalTo(1));

        Loops.submit(loop, "tomasz", 2, "NO");
        summary(Loops.as(A, "tomasz"), loop.applicationId(), null).then().statusCode(200)
                .body("scorecards.author.name", hasItems("Aiko Testperson", "Tomasz Testperson"));
        summary(Loops.as(A, Loops.HIRING_MANAGER), loop.applicationId(), null).then().statusCode(403);
        Loops.submit(loop, Loops.HIRING_MANAGER, 3, "YES");
        summary(Loops.as(A, Loops.HIRING_MANAGER), loop.applicationId(), null).then().statusCode(200)
                .body("scorecards.size()", equalTo(3));
    }

    @Test
    void strangersAndOtherOrganisationsGetTheAnswerOfAnUnknownApplication() {
        BookedLoop loop = Loops.booked(A);
        Loops.submit(loop, "aiko", 3, "YES");
        String unknown = UUID.randomUUID().toString();

        Map<String, Object> unknownBody = problem(summary(Loops.recruiter(A), unknown, null), 404);
        assertEquals(unknownBody, problem(summary(Loops.recruiter(B), loop.applicationId(), null), 404),
                "another tenant's recruiter");
        assertEquals(unknownBody, problem(summary(Loops.as(B, Loops.HIRING_MANAGER), loop.applicationId(), null), 404));
        assertEquals(unknownBody, problem(summary(Loops.as(A, "stranger", "interviewer"), loop.applicationId(), null), 404),
                "an interviewer of other loops");
        assertEquals(unknownBody, problem(summary(Loops.as(A, "otherboss", "hiring_manager"), loop.applicationId(), null), 404),
                "another job's hiring manager");
    }

    @Test
    void rolesThatDoNotReadFeedbackAreRefused() {
        BookedLoop loop = Loops.booked(A);
        Loops.submit(loop, "aiko", 3, "YES");
        summary(Loops.as(A, "cora", "coordinator"), loop.applicationId(), null).then().statusCode(403)
                .body("type", containsString("forbidden"));
        summary(Loops.as(A, "scheduler", "platform_service"), loop.applicationId(), null).then().statusCode(403);
        summary(Loops.as(A, "admin", "tenant_admin"), loop.applicationId(), null).then().statusCode(200);
        summary(Loops.as(A, "ats", "integration"), loop.applicationId(), null).then().statusCode(200);
        summary(Loops.recruiter(A), loop.applicationId(), 7).then().statusCode(400);
    }

    static io.restassured.response.Response summary(RequestSpecification as, String applicationId, Integer round) {
        if (round != null) {
            as = as.queryParam("round", round);
        }
        return as.get("/v1/applications/" + applicationId + "/feedback-summary");
    }

    /** The problem body without {@code instance} (the path, which names the id asked for). */
    static Map<String, Object> problem(io.restassured.response.Response response, int status) {
        Map<String, Object> body = new HashMap<>(response.then().statusCode(status).extract().jsonPath().getMap(""));
        body.remove("instance");
        return body;
    }

    private static Map<String, Object> attribute(JsonPath summary, String key) {
        List<Map<String, Object>> attributes = summary.getList("attributes");
        return attributes.stream().filter(a -> key.equals(a.get("key"))).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    private static Map<String, Object> change(JsonPath summary, String key) {
        List<Map<String, Object>> attributes = summary.getList("changes.attributes");
        return attributes.stream().filter(a -> key.equals(a.get("key"))).findFirst().orElseThrow(() -> new AssertionError("no " + key));
    }

    private static Map<String, Object> opinion(JsonPath summary, String scorecardId) {
        List<Map<String, Object>> scorecards = summary.getList("scorecards");
        return scorecards.stream().filter(s -> scorecardId.equals(s.get("scorecardId"))).findFirst().orElseThrow();
    }
}
