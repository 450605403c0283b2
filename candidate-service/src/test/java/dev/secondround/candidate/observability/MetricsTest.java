package dev.secondround.candidate.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Prometheus scrapes /q/metrics without a token and finds the HTTP, JVM and connection-pool metrics,
 * each tagged with the service; request metrics name the URI template, never an id or a tenant, so
 * the page neither leaks data nor grows with it.
 */
@QuarkusTest
class MetricsTest {

    @Test
    void prometheusScrapesRequestJvmAndPoolMetricsWithoutIdsOrTenants() {
        String candidate = Pipeline.createCandidate(Api.A);
        Api.recruiter(Api.A).get("/v1/candidates/" + candidate).then().statusCode(200);
        Api.recruiter(Api.B).get("/v1/candidates/" + candidate).then().statusCode(404);

        String page = given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain")).extract().asString();

        assertTrue(Pattern.compile("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*uri=\"/v1/candidates/\\{candidateId\\}\"")
                .matcher(page).find(), "GET by id counted under its template");
        assertTrue(Pattern.compile("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/v1/candidates/\\{candidateId\\}\"")
                .matcher(page).find(), "the other tenant's 404 too, under the same template");
        for (String metric : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage", "agroal_active_count",
                "agroal_acquire_count_total", "http_server_requests_seconds_bucket")) {
            assertTrue(Pattern.compile("(?m)^" + metric + "\\{").matcher(page).find(), metric + " is exported");
        }
        page.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(series ->
                assertTrue(series.contains("application=\"candidate-service\""), "tagged with the service: " + series));
        assertFalse(page.contains(candidate), "no id in any label");
        assertFalse(page.contains(Api.A) || page.contains(Api.B), "no tenant in any label");
        assertFalse(page.contains("uri=\"/q/"), "the platform's own endpoints (health, metrics) are not request metrics");
    }
}
