package dev.secondround.candidate.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two people editing the same record: the second write based on an old read gets 412, not a silent overwrite. */
@QuarkusTest
class OptimisticConcurrencyTest {

    @Test
    void twoUpdatesWithTheSameEtagOneWinsOneGets412() {
        String id = Pipeline.createCandidate(Api.A);
        String etag = Api.recruiter(Api.A).get("/v1/candidates/" + id).then().statusCode(200).extract().header("ETag");
        Map<String, Object> first = renamed(id, "Danielle");
        Map<String, Object> second = renamed(id, "Daniela");
        Api.recruiter(Api.A).header("If-Match", etag).body(first).put("/v1/candidates/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        Api.coordinator(Api.A).header("If-Match", etag).body(second).put("/v1/candidates/" + id).then().statusCode(412)
                .body("type", equalTo("https://secondround.dev/problems/precondition-failed"));
        Api.recruiter(Api.A).get("/v1/candidates/" + id).then().body("firstName", equalTo("Danielle"));
    }

    @Test
    void concurrentUpdatesWithTheSameEtagExactlyOneSucceeds() throws Exception {
        String id = Pipeline.createCandidate(Api.A);
        String etag = Api.recruiter(Api.A).get("/v1/candidates/" + id).then().extract().header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Map<String, Object> body = renamed(id, "Dana-" + i);
                calls.add(pool.submit(() -> {
                    start.await();
                    return Api.recruiter(Api.A).header("If-Match", etag).body(body).put("/v1/candidates/" + id).statusCode();
                }));
            }
            start.countDown();
            int ok = 0;
            int stale = 0;
            for (Future<Integer> call : calls) {
                int status = call.get();
                if (status == 200) {
                    ok++;
                } else if (status == 412) {
                    stale++;
                }
            }
            assertEquals(1, ok, "exactly one update wins");
            assertEquals(7, stale, "all others are told the record changed");
        } finally {
            pool.shutdownNow();
        }
        Api.recruiter(Api.A).get("/v1/candidates/" + id).then().header("ETag", equalTo("\"1\""));
    }

    @Test
    void ifMatchFollowsRfc9110StarListsAndStrongComparison() {
        String id = Pipeline.createCandidate(Api.A);
        Api.recruiter(Api.A).header("If-Match", "W/\"0\"").body(renamed(id, "Weak")).put("/v1/candidates/" + id)
                .then().statusCode(412);
        Api.recruiter(Api.A).header("If-Match", "\"7\", \"0\"").body(renamed(id, "Listed")).put("/v1/candidates/" + id)
                .then().statusCode(200).body("firstName", equalTo("Listed"));
        Api.recruiter(Api.A).header("If-Match", "*").body(renamed(id, "Anything")).put("/v1/candidates/" + id)
                .then().statusCode(200).body("firstName", equalTo("Anything"));
    }

    @Test
    void updatesWithoutIfMatchAre428() {
        String id = Pipeline.createCandidate(Api.A);
        Api.recruiter(Api.A).body(renamed(id, "Nobody")).put("/v1/candidates/" + id).then().statusCode(428)
                .body("type", equalTo("https://secondround.dev/problems/precondition-required"));
        String applicationId = Pipeline.createApplication(Api.A);
        Api.recruiter(Api.A).body(Map.of("to", "SCREENING")).post("/v1/applications/" + applicationId + "/stage-changes")
                .then().statusCode(428);
        Api.recruiter(Api.A).get("/v1/candidates/" + id).then().body("firstName", equalTo("Dana"));
    }

    private static Map<String, Object> renamed(String id, String firstName) {
        Map<String, Object> body = new HashMap<>(Pipeline.candidateBody());
        body.put("email", Api.recruiter(Api.A).get("/v1/candidates/" + id).jsonPath().getString("email"));
        body.put("firstName", firstName);
        return body;
    }
}
