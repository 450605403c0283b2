package dev.secondround.candidate.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import dev.secondround.testing.RealPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away and comes back while the service runs (the embedded server stopped and started
 * again on the same port and data): readiness is DOWN meanwhile (so no traffic is routed here) while
 * liveness stays UP (so nobody restarts a healthy process), API calls fail fast with a 503
 * problem+json instead of hanging, and everything works again once the database is back, without a
 * restart. The pool settings come from platform-commons, so every service behaves the same.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @AfterEach
    void databaseBack() {
        RealPostgres.startAgain();
    }

    @Test
    void readinessFollowsTheDatabaseAndTheServiceRecoversWithoutRestart() throws InterruptedException {
        Assumptions.assumeTrue(RealPostgres.isEmbedded(), "needs the embedded PostgreSQL, which this JVM can stop");
        String candidate = Pipeline.createCandidate(Api.A);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        RealPostgres.stop();

        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Instant asked = Instant.now();
        Response refused = Api.recruiter(Api.A).get("/v1/candidates/" + candidate);
        Duration took = Duration.between(asked, Instant.now());
        assertEquals(503, refused.statusCode(), refused.asString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("the database is unavailable; try again shortly", refused.jsonPath().getString("detail"));
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "failed fast, not after a hang: " + took);

        RealPostgres.startAgain();

        awaitReady();
        given().get("/q/health/live").then().statusCode(200);
        Api.recruiter(Api.A).get("/v1/candidates/" + candidate).then().statusCode(200).body("id", equalTo(candidate));
        Pipeline.createCandidate(Api.A);
    }

    private static void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(RECOVERY);
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = given().get("/q/health/ready").statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness did not come back within " + RECOVERY + " (last status " + status + ")");
    }
}
