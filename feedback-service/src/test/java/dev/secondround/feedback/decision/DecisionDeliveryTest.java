package dev.secondround.feedback.decision;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.feedback.testsupport.CandidateServiceBehindProxy;
import dev.secondround.feedback.testsupport.CandidateServiceProxy;
import dev.secondround.feedback.testsupport.Decisions;
import dev.secondround.feedback.testsupport.Loops;
import dev.secondround.feedback.testsupport.Loops.BookedLoop;
import dev.secondround.testing.Applications;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A decision survives the candidate service being away: it stays PENDING with the failed attempts
 * shown, and is applied exactly once when the candidate service is back, also when the answer to the
 * stage change itself was lost. The feedback service reaches the candidate service through
 * {@link CandidateServiceProxy} here, so the test can take it down. Two attempts before FAILED.
 */
@QuarkusTest
@TestProfile(CandidateServiceBehindProxy.class)
class DecisionDeliveryTest {

    private static final String A = TestTokens.TENANT_A;
    /** The relay retries a failed message after 10 s; the first attempt comes within a second or two. */
    private static final Duration RETRIED = Duration.ofSeconds(30);
    private final CandidateServiceProxy candidateService = CandidateServiceProxy.shared();

    @BeforeEach
    void candidateServiceUp() {
        candidateService.up();
    }

    @AfterEach
    void candidateServiceBack() {
        candidateService.up();
    }

    @Test
    void aDecisionWaitsWhileTheCandidateServiceIsDownAndIsAppliedOnceWhenItIsBack() {
        BookedLoop loop = Loops.booked(A);
        candidateService.down();

        String id = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "OFFER", "Offer at the top of the band.");
        JsonPath waiting = Decisions.await(A, id, Duration.ofSeconds(15), d -> d.getInt("delivery.attempts") > 0, "attempted");
        assertEquals("PENDING", waiting.getString("delivery.status"));
        assertTrue(waiting.getString("delivery.lastError").contains("did not answer (connection refused)"),
                waiting.getString("delivery.lastError"));
        assertEquals(null, waiting.getString("delivery.appliedAt"));
        Loops.recruiter(A).queryParam("deliveryStatus", "PENDING").queryParam("limit", 100).get("/v1/decisions").then()
                .statusCode(200).body("items.id", hasItem(id));
        // Another decision now would race the waiting one for the stage: refused until it is settled.
        Loops.recruiter(A).body(Map.of("outcome", "REJECT", "rationale", "Changed our mind."))
                .post("/v1/applications/" + loop.applicationId() + "/decisions").then().statusCode(409)
                .body("detail", containsString("still being applied"));

        candidateService.up();
        JsonPath applied = Decisions.awaitSettled(A, id, RETRIED);
        assertEquals("APPLIED", applied.getString("delivery.status"));
        assertEquals(2, applied.getInt("delivery.attempts"));
        assertEquals(null, applied.getString("delivery.lastError"));
        assertEquals("OFFER", Applications.read(A, loop.applicationId()).getString("stage"));
        assertEquals(1, changesTo(loop.applicationId(), "OFFER"));
        assertEquals(1, candidateService.stageChangesForwarded(loop.applicationId()));
    }

    @Test
    void aStageChangeWhoseAnswerWasLostIsNotMadeASecondTime() {
        BookedLoop loop = Loops.booked(A);
        candidateService.loseNextStageChangeAnswer();

        String id = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "NEXT_ROUND", "The VP should meet her.");
        JsonPath decision = Decisions.awaitSettled(A, id, RETRIED);
        assertEquals("APPLIED", decision.getString("delivery.status"));
        assertEquals(2, decision.getInt("delivery.attempts"), "the first attempt never heard back");
        assertEquals(3, decision.getInt("delivery.appliedRound"));
        // Round 3, not 4: the second attempt found the application already there and did not move it again.
        assertEquals(3, Applications.read(A, loop.applicationId()).getInt("currentRound"));
        assertEquals(3, changesTo(loop.applicationId(), "ROUND"), "rounds 1 and 2 set up by the test, round 3 by the decision");
        assertEquals(1, candidateService.stageChangesForwarded(loop.applicationId()));
    }

    @Test
    void aDecisionWhoseRetriesRanOutIsFailedAndCanBeQueuedAgain() {
        BookedLoop loop = Loops.booked(A);
        candidateService.down();

        String id = Decisions.decide(Loops.recruiter(A), loop.applicationId(), "REJECT", "The panel leaned no.");
        JsonPath failed = Decisions.awaitSettled(A, id, RETRIED);
        assertEquals("FAILED", failed.getString("delivery.status"));
        assertEquals(2, failed.getInt("delivery.attempts"));
        assertTrue(failed.getString("delivery.lastError").contains("did not answer"), failed.getString("delivery.lastError"));
        Loops.recruiter(A).queryParam("deliveryStatus", "FAILED").queryParam("limit", 100).get("/v1/decisions").then()
                .statusCode(200).body("items.id", hasItem(id));

        candidateService.up();
        assertEquals("ROUND", Applications.read(A, loop.applicationId()).getString("stage"), "nothing applied yet");
        Loops.recruiter(A).post("/v1/decisions/" + id + "/delivery").then().statusCode(202)
                .body("delivery.status", equalTo("PENDING"));
        JsonPath applied = Decisions.awaitSettled(A, id, Duration.ofSeconds(15));
        assertEquals("APPLIED", applied.getString("delivery.status"));
        assertEquals(3, applied.getInt("delivery.attempts"));
        assertEquals("REJECTED", Applications.read(A, loop.applicationId()).getString("stage"));
        assertEquals(1, changesTo(loop.applicationId(), "REJECTED"));
        // Settled now: nothing left to queue.
        Loops.recruiter(A).post("/v1/decisions/" + id + "/delivery").then().statusCode(409);
    }

    private static long changesTo(String applicationId, String stage) {
        List<Map<String, Object>> changes = Decisions.stageChanges(A, applicationId);
        return changes.stream().filter(c -> stage.equals(c.get("toStage"))).count();
    }
}
