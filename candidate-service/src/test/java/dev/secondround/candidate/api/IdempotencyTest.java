package dev.secondround.candidate.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.RealPostgres.ServiceDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A retried POST never creates twice; a reused key with another body is refused. */
@QuarkusTest
class IdempotencyTest {

    /**
     * Follow-ups have no natural uniqueness (the same note may be recorded twice on purpose), so only
     * the key can stop the duplicates here: without it this test would see 20 follow-ups.
     */
    @Test
    void twentyConcurrentCreatesWithOneKeyMakeOneFollowUp() throws Exception {
        String applicationId = Pipeline.createApplication(Api.A);
        List<Response> responses = concurrently(20, "import-" + Pipeline.unique(), applicationId);
        assertOneCreatedRestInFlight(responses);
        assertEquals(1, followUpsOf(applicationId));
    }

    @Test
    void retriesRacingForAnAbandonedClaimCreateOnce() throws Exception {
        String applicationId = Pipeline.createApplication(Api.A);
        String key = "abandoned-" + Pipeline.unique();
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(FOLLOW_UP)
                .post("/v1/applications/" + applicationId + "/follow-ups").then().statusCode(201);
        // Make it look like a request that claimed the key three minutes ago and then died.
        runAsApplicationRole("""
                update candidate.idempotency_key set state = 'IN_FLIGHT', created_at = now() - interval '3 minutes'
                where idempotency_key = ?""", key);
        List<Response> responses = concurrently(12, key, applicationId);
        assertOneCreatedRestInFlight(responses);
        // The first follow-up plus exactly one from the retry that took the dead claim over.
        assertEquals(2, followUpsOf(applicationId), "exactly one retry may take the abandoned claim over");
    }

    private static final Map<String, Object> FOLLOW_UP =
            Map.of("round", 1, "interviewerName", "Joaquín Fernández-Ibarra", "kind", "THANK_YOU_NOTE", "sentOn", "2026-11-20");

    private static List<Response> concurrently(int count, String key, String applicationId) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return Api.recruiter(Api.A).header("Idempotency-Key", key).body(FOLLOW_UP)
                            .post("/v1/applications/" + applicationId + "/follow-ups");
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> call : calls) {
                responses.add(call.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCreatedRestInFlight(List<Response> responses) {
        Set<String> createdIds = new HashSet<>();
        for (Response response : responses) {
            if (response.statusCode() == 201) {
                createdIds.add(response.jsonPath().getString("id"));
            } else {
                assertEquals(409, response.statusCode(), response.asString());
                assertEquals("https://secondround.dev/problems/idempotency-key-in-flight", response.jsonPath().getString("type"));
            }
        }
        assertEquals(1, createdIds.size(), "every success (first or replay) names the same follow-up");
    }

    private static int followUpsOf(String applicationId) {
        return Api.recruiter(Api.A).get("/v1/applications/" + applicationId + "/follow-ups").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static void runAsApplicationRole(String sql, String parameter) throws Exception {
        ServiceDatabase db = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            connection.setAutoCommit(false);
            try (PreparedStatement tenant = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                tenant.setString(1, Api.A);
                tenant.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, parameter);
                statement.executeUpdate();
            }
            connection.commit();
        }
    }

    @Test
    void aRetryReplaysTheFirstResponse() {
        Map<String, Object> body = Pipeline.candidateBody();
        String key = "retry-" + Pipeline.unique();
        Response first = Api.recruiter(Api.A).header("Idempotency-Key", key).body(body).post("/v1/candidates");
        first.then().statusCode(201);
        Response retry = Api.recruiter(Api.A).header("Idempotency-Key", key).body(body).post("/v1/candidates");
        retry.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.jsonPath().getString("id")));
    }

    @Test
    void sameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = "reuse-" + Pipeline.unique();
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(Pipeline.candidateBody()).post("/v1/candidates")
                .then().statusCode(201);
        Map<String, Object> other = Pipeline.candidateBody();
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(other).post("/v1/candidates").then()
                .statusCode(422).body("type", equalTo("https://secondround.dev/problems/idempotency-key-reused"));
        Api.recruiter(Api.A).queryParam("email", other.get("email")).get("/v1/candidates").then().body("items.size()", equalTo(0));
    }

    @Test
    void keysAreScopedByCallerAndTenant() {
        String key = "shared-" + Pipeline.unique();
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(Pipeline.candidateBody()).post("/v1/candidates").then().statusCode(201);
        // Another user of the same tenant and a user of another tenant own their own key spaces.
        Api.coordinator(Api.A).header("Idempotency-Key", key).body(Pipeline.candidateBody()).post("/v1/candidates").then()
                .statusCode(201).header("Idempotent-Replayed", (String) null);
        Api.recruiter(Api.B).header("Idempotency-Key", key).body(Pipeline.candidateBody()).post("/v1/candidates").then()
                .statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aFailedCreateReleasesTheKey() {
        String key = "fix-and-retry-" + Pipeline.unique();
        Map<String, Object> body = new HashMap<>(Pipeline.candidateBody());
        String existingEmail = Api.recruiter(Api.A).get("/v1/candidates/" + Pipeline.createCandidate(Api.A)).jsonPath().getString("email");
        body.put("email", existingEmail);
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(body).post("/v1/candidates").then().statusCode(409);
        // Same key and body after the conflict: tried again (not replayed as a success, not stuck in flight).
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(body).post("/v1/candidates").then().statusCode(409)
                .body("type", equalTo("https://secondround.dev/problems/conflict"));
    }

    @Test
    void keysAreForgottenAfterTheRetentionPeriod() throws Exception {
        String key = "old-" + Pipeline.unique();
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(Pipeline.candidateBody()).post("/v1/candidates").then().statusCode(201);
        runAsApplicationRole("update candidate.idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?", key);
        // A day later the same key with another body is a new request, not a 422.
        Map<String, Object> other = Pipeline.candidateBody();
        Api.recruiter(Api.A).header("Idempotency-Key", key).body(other).post("/v1/candidates").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
    }

    @Test
    void malformedKeysAreRefused() {
        Api.recruiter(Api.A).header("Idempotency-Key", "x".repeat(201)).body(Pipeline.candidateBody()).post("/v1/candidates")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
