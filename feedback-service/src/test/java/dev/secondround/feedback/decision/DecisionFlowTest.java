package dev.secondround.feedback.decision;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.testsupport.Decisions;
import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Decisions against the real candidate service: the application's stage follows the decision, the
 * candidate service's stage rules can refuse it, and who may decide what.
 */
@QuarkusTest
class DecisionFlowTest {

    private static final String A = TestTokens.TENANT_A;
    private static final String B = TestTokens.TENANT_B;
    private static final Duration SETTLES = Duration.ofSeconds(15);

    @Test
    void theHiringManagerOffersAndTheApplicationMovesToOffer() {
        BookedLoop loop = Loops.booked(A);
        Loops.submit(loop, Loops.HIRING_MANAGER, 4, "STRONG_YES");
        Response created = Loops.as(A, Loops.HIRING_MANAGER)
                .body(Map.of("outcome", "OFFER", "rationale", "Strongest systems design of the finalists; the panel was unanimous."))
                .post("/v1/applications/" + loop.applicationId() + "/decisions");
        created.then().statusCode(201)
                .body("outcome", equalTo("OFFER"))
                .body("round", equalTo(2))
                .body("jobId", equalTo(loop.jobId()))
                .body("decidedBy.name", equalTo(Loops.HIRING_MANAGER))
                .body("delivery.status", equalTo("PENDING"));
        String id = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith("/v1/decisions/" + id), created.header("Location"));

        JsonPath decision = Decisions.awaitSettled(A, id, SETTLES);
        assertEquals("APPLIED", decision.getString("delivery.status"));
        assertEquals("OFFER", decision.getString("delivery.appliedStage"));
        assertNotNull(decision.getString("delivery.appliedAt"));
        assertEquals(1, decision.getInt("delivery.attempts"));

        JsonPath application = Applications.read(A, loop.applicationId());
        assertEquals("OFFER", application.getString("stage"));
        assertEquals(2, application.getInt("currentRound"));
        Map<String, Object> last = lastChange(A, loop.applicationId());
        assertEquals("OFFER", last.get("toStage"));
        assertEquals("Decision by siobhan: Strongest systems design of the finalists; the panel was unanimous.", last.get("reason"));

        // The hiring manager reads it back on the application and by id.
        Loops.as(A, Loops.HIRING_MANAGER).get("/v1/applications/" + loop.applicationId() + "/decisions").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("items[0].delivery.status", equalTo("APPLIED"));
        Loops.as(A, Loops.HIRING_MANAGER).get("/v1/decisions/" + id).then().statusCode(200).header("ETag", not(nullValue()));
    }

    @Test
    void nextRoundMovesTheApplicationToTheRoundAfterTheOneDecidedOn() {
        BookedLoop loop = Loops.booked(A);
        String id = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "NEXT_ROUND", "Convincing; the VP should meet her.");
        JsonPath decision = Decisions.awaitSettled(A, id, SETTLES);
        assertEquals("APPLIED", decision.getString("delivery.status"));
        assertEquals("ROUND", decision.getString("delivery.appliedStage"));
        assertEquals(3, decision.getInt("delivery.appliedRound"));
        JsonPath application = Applications.read(A, loop.applicationId());
        assertEquals("ROUND", application.getString("stage"));
        assertEquals(3, application.getInt("currentRound"));
        assertEquals("Decision by recruiter: Convincing; the VP should meet her.", lastChange(A, loop.applicationId()).get("reason"));
    }

    @Test
    void rejectMovesTheApplicationToRejected() {
        BookedLoop loop = Loops.booked(A);
        String id = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "REJECT", "Vague on on-call; the panel leaned no.");
        assertEquals("APPLIED", Decisions.awaitSettled(A, id, SETTLES).getString("delivery.status"));
        assertEquals("REJECTED", Applications.read(A, loop.applicationId()).getString("stage"));
    }

    @Test
    void aDecisionTheStageRulesRefuseIsRefusedWithTheirReasonAndChangesNothing() {
        BookedLoop loop = Loops.booked(A);
        Applications.moveTo(A, loop.applicationId(), Map.of("to", "REJECTED", "reason", "Candidate took another offer"));
        int changesBefore = Decisions.stageChanges(A, loop.applicationId()).size();

        String id = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "NEXT_ROUND", "Let's see her again.");
        JsonPath decision = Decisions.awaitSettled(A, id, SETTLES);
        assertEquals("REFUSED", decision.getString("delivery.status"));
        assertTrue(decision.getString("delivery.lastError").contains("the application is REJECTED; it cannot move any more"),
                decision.getString("delivery.lastError"));
        assertEquals(null, decision.getString("delivery.appliedAt"));
        assertEquals("REJECTED", Applications.read(A, loop.applicationId()).getString("stage"));
        assertEquals(changesBefore, Decisions.stageChanges(A, loop.applicationId()).size());

        // Visible in the ops view; retrying would be refused again, so it cannot be queued.
        Loops.recruiter(A).queryParam("deliveryStatus", "REFUSED").queryParam("limit", 100).get("/v1/decisions").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.delivery.status", not(hasItem("APPLIED")));
        Loops.recruiter(A).post("/v1/decisions/" + id + "/delivery").then().statusCode(409)
                .body("detail", containsString("REFUSED"));
    }

    @Test
    void nextRoundAfterTheLastRoundOfThePlanIsRefused() {
        // The test job's plan has three rounds: a loop in round 3, then "next round".
        String applicationId = Applications.inRound(A, 3);
        BookedLoop loop = Loops.standard(A, applicationId, Applications.jobOf(A), 3, Instant.now().minus(1, ChronoUnit.DAYS));
        Loops.sync(A, loop.snapshot()).then().statusCode(204);
        String id = Decisions.decide(Loops.recruiter(A), applicationId, "NEXT_ROUND", "One more round?");
        JsonPath decision = Decisions.awaitSettled(A, id, SETTLES);
        assertEquals("REFUSED", decision.getString("delivery.status"));
        assertTrue(decision.getString("delivery.lastError").contains("rounds 1 to 3"), decision.getString("delivery.lastError"));
        assertEquals(3, Applications.read(A, applicationId).getInt("currentRound"));
    }

    @Test
    void theSameIdempotencyKeyMakesOneDecision() {
        BookedLoop loop = Loops.booked(A);
        Map<String, Object> body = Map.of("outcome", "FINALIST", "rationale", "Top two with the other finalist.");
        String key = "decide-" + UUID.randomUUID();
        String first = Loops.recruiter(A).header("Idempotency-Key", key).body(body)
                .post("/v1/applications/" + loop.applicationId() + "/decisions").then().statusCode(201).extract().jsonPath().getString("id");
        Loops.recruiter(A).header("Idempotency-Key", key).body(body)
                .post("/v1/applications/" + loop.applicationId() + "/decisions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        Decisions.awaitSettled(A, first, SETTLES);
        Loops.recruiter(A).get("/v1/applications/" + loop.applicationId() + "/decisions").then().statusCode(200)
                .body("items.id", equalTo(List.of(first)));
        assertEquals("FINALIST", Applications.read(A, loop.applicationId()).getString("stage"));
        assertEquals(1, Decisions.stageChanges(A, loop.applicationId()).stream().filter(c -> "FINALIST".equals(c.get("toStage"))).count());
    }

    @Test
    void aHiringManagerWhoStillOwesTheirScorecardMustSubmitItFirst() {
        BookedLoop loop = Loops.booked(A);
        Loops.as(A, Loops.HIRING_MANAGER).body(Map.of("outcome", "OFFER", "rationale", "Gut feeling."))
                .post("/v1/applications/" + loop.applicationId() + "/decisions").then().statusCode(409)
                .body("detail", containsString("submit your own scorecard for round 2 first"));
        Loops.recruiter(A).get("/v1/applications/" + loop.applicationId() + "/decisions").then().statusCode(200)
                .body("items.size()", equalTo(0));
        Loops.submit(loop, Loops.HIRING_MANAGER, 3, "YES");
        Decisions.decide(Loops.as(A, Loops.HIRING_MANAGER), loop.applicationId(), "OFFER", "Now with my scorecard in.");
    }

    @Test
    void onlyTheJobsHiringManagerAndRecruitersDecide() {
        BookedLoop loop = Loops.booked(A);
        String path = "/v1/applications/" + loop.applicationId() + "/decisions";
        Map<String, Object> body = Map.of("outcome", "REJECT", "rationale", "Not for us.");
        Loops.as(A, "tomasz").body(body).post(path).then().statusCode(403);
        Loops.as(A, "coordinator", "coordinator").body(body).post(path).then().statusCode(403);
        Loops.as(A, "ats", "integration").body(body).post(path).then().statusCode(403);
        // Another job's hiring manager: as if the application had no feedback at all.
        String otherHm = Loops.as(A, "ingrid", "hiring_manager").body(body).post(path).then().statusCode(404).extract().asString();
        String missing = Loops.as(A, "ingrid", "hiring_manager").body(body).post("/v1/applications/" + UUID.randomUUID() + "/decisions")
                .then().statusCode(404).extract().asString();
        assertEquals(withoutInstance(missing), withoutInstance(otherHm));
        Loops.as(A, "ingrid", "hiring_manager").get(path).then().statusCode(404);
        Loops.as(A, "tomasz").get(path).then().statusCode(403);

        String id = Decisions.decide(Loops.as(A, "admin", "tenant_admin"), loop.applicationId(), "REJECT", "Not for us.");
        Loops.as(A, "ats", "integration").get(path).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        Loops.as(A, "ats", "integration").get("/v1/decisions/" + id).then().statusCode(200);
        Loops.as(A, "ingrid", "hiring_manager").get("/v1/decisions/" + id).then().statusCode(404);
        Loops.as(A, "ingrid", "hiring_manager").get("/v1/decisions").then().statusCode(200).body("items.id", not(hasItem(id)));
        Loops.as(A, "coordinator", "coordinator").get("/v1/decisions/" + id).then().statusCode(403);
        Decisions.awaitSettled(A, id, SETTLES);
    }

    @Test
    void anotherTenantsApplicationAndDecisionAreNotFound() {
        BookedLoop loop = Loops.booked(A);
        String id = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "FINALIST", "Shortlisted.");
        String path = "/v1/applications/" + loop.applicationId() + "/decisions";
        Map<String, Object> body = Map.of("outcome", "REJECT", "rationale", "Not for us.");

        String theirs = Loops.recruiter(B).body(body).post(path).then().statusCode(404).extract().asString();
        String missing = Loops.recruiter(B).body(body).post("/v1/applications/" + UUID.randomUUID() + "/decisions").then()
                .statusCode(404).extract().asString();
        assertEquals(withoutInstance(missing), withoutInstance(theirs));
        Loops.recruiter(B).get(path).then().statusCode(404);
        String theirDecision = Loops.recruiter(B).get("/v1/decisions/" + id).then().statusCode(404).extract().asString();
        String noDecision = Loops.recruiter(B).get("/v1/decisions/" + UUID.randomUUID()).then().statusCode(404).extract().asString();
        assertEquals(withoutInstance(noDecision), withoutInstance(theirDecision));
        Loops.recruiter(B).queryParam("limit", 100).get("/v1/decisions").then().statusCode(200).body("items.id", not(hasItem(id)));
        Loops.recruiter(B).post("/v1/decisions/" + id + "/delivery").then().statusCode(404);
        assertEquals("APPLIED", Decisions.awaitSettled(A, id, SETTLES).getString("delivery.status"));
    }

    @Test
    void badDecisionsAreRefusedWithTheFieldNamed() {
        BookedLoop loop = Loops.booked(A);
        String path = "/v1/applications/" + loop.applicationId() + "/decisions";
        Loops.recruiter(A).body(Map.of("outcome", "OFFER", "rationale", "  ")).post(path).then().statusCode(400)
                .body("errors.field", hasItem(containsString("rationale")));
        Loops.recruiter(A).body(Map.of("outcome", "OFFER", "rationale", "x".repeat(5001))).post(path).then().statusCode(400)
                .body("errors.field", hasItem(containsString("rationale")));
        Loops.recruiter(A).body(Map.of("outcome", "HIRE", "rationale", "Yes")).post(path).then().statusCode(400);
        Loops.recruiter(A).body(Map.of("outcome", "OFFER", "rationale", "Yes", "round", 1)).post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("round")).body("detail", containsString("no interview loop in round 1"));
        Loops.recruiter(A).get(path).then().statusCode(200).body("items.size()", equalTo(0));
        // An application the feedback service has no loop for.
        Loops.recruiter(A).body(Map.of("outcome", "OFFER", "rationale", "Yes"))
                .post("/v1/applications/" + Applications.inRound(A, 1) + "/decisions").then().statusCode(404)
                .body("detail", containsString("interview loop"));
    }

    private static Map<String, Object> lastChange(String tenant, String applicationId) {
        List<Map<String, Object>> changes = Decisions.stageChanges(tenant, applicationId);
        return changes.get(changes.size() - 1);
    }

    /** Problem bodies carry the request path as instance; everything else must be identical. */
    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\"", "");
    }
}
