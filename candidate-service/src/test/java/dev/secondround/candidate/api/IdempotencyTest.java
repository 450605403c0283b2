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

    @Test
    void twentyConcurrentCreatesWithOneKeyMakeOneCandidate() throws Exception {
        Map<String, Object> body = Pipeline.candidateBody();
        String key = "import-" + Pipeline.unique();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return Api.recruiter(Api.A).header("Idempotency-Key", key).body(body).post("/v1/candidates");
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            Set<String> createdIds = new HashSet<>();
            int created = 0;
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertTrue(response.statusCode() == 201 || response.statusCode() == 409,
                        "only 201 (first or replay) or 409 (still in flight), got " + response.statusCode() + " " + response.asString());
                if (response.statusCode() == 201) {
                    created++;
                    createdIds.add(response.jsonPath().getString("id"));
                }
            }
            assertTrue(created >= 1, "at least the first request succeeds");
            assertEquals(1, createdIds.size(), "every success names the same candidate");
        } finally {
            pool.shutdownNow();
        }
        Api.recruiter(Api.A).queryParam("email", body.get("email")).get("/v1/candidates").then()
                .statusCode(200).body("items.size()", equalTo(1));
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
        ServiceDatabase db = PostgresTestResource.database();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            connection.setAutoCommit(false);
            try (PreparedStatement age = connection.prepareStatement("""
                    select set_config('app.tenant_id', ?, true);
                    update candidate.idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?""")) {
                age.setString(1, Api.A);
                age.setString(2, key);
                age.execute();
            }
            connection.commit();
        }
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
