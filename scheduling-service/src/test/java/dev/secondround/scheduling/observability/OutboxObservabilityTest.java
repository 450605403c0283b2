package dev.secondround.scheduling.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondround.scheduling.testsupport.Directory;
import dev.secondround.scheduling.testsupport.FeedbackReceiver;
import dev.secondround.scheduling.testsupport.OutboxRows;
import dev.secondround.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The outbox as operators and tracing see it: a loop booked in a request reaches the feedback service
 * later, from the relay, in the same trace as that request (the traceparent kept with the message);
 * /q/metrics shows per topic what waits, for how long, and what was delivered, retried or given up.
 */
@QuarkusTest
class OutboxObservabilityTest {

    private static final String A = TestTokens.TENANT_A;
    private static final Duration DELIVERY = Duration.ofSeconds(20);
    /** LoopFeedbackSync.TOPIC (package-private there). */
    private static final String LOOP_FEEDBACK = "loop-feedback";

    @Test
    void theDeliveryContinuesTheTraceOfTheRequestThatQueuedIt() throws InterruptedException {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        String ingrid = Directory.person(A, "Ingrid Solberg-Haugen");
        String loop = Directory.created(Directory.coordinator(A).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Directory.loopBooking(A, ingrid)).post("/v1/loops"));

        FeedbackReceiver.Received put = FeedbackReceiver.await("/v1/loops/" + loop, r -> true, DELIVERY);
        assertTrue(put.traceparent() != null && put.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), put.traceparent());
        assertEquals(traceId, put.traceparent().substring(3, 35), "the booking's trace, continued by the relay");
        assertNotEquals(callerSpan, put.traceparent().substring(36, 52), "sent from a span of its own (the delivery's client call)");
    }

    @Test
    void metricsShowWhatWaitsForHowLongAndWhatWasDeliveredRetriedOrGivenUp() throws InterruptedException {
        // At least one message of a real topic delivered (this also gives tenant A its outbox_tenant row).
        String loop = Directory.created(Directory.coordinator(A)
                .body(Directory.loopBooking(A, Directory.person(A, "Ravi Subramaniam"))).post("/v1/loops"));
        FeedbackReceiver.await("/v1/loops/" + loop, r -> true, DELIVERY);
        // A topic nobody handles any more (renamed in a release): one message waits 10 minutes already,
        // failing and retried; another fails its last allowed attempt and is given up.
        String orphan = "retired-" + UUID.randomUUID().toString().substring(0, 8);
        OutboxRows.queued(A, orphan, "{}", 0, Duration.ofMinutes(10));
        OutboxRows.queued(A, orphan, "{}", 11, Duration.ofMinutes(1));

        String page = awaitMetrics(p -> value(p, "outbox_messages_failed_total", orphan) >= 1
                && value(p, "outbox_delivery_retries_total", orphan) >= 1);
        assertEquals(1, value(page, "outbox_messages_pending", orphan), "the retried one still waits; the given-up one does not");
        double age = value(page, "outbox_oldest_pending_age_seconds", orphan);
        assertTrue(age >= 600 && age < 700, "its age counts from when it was queued: " + age);
        assertTrue(value(page, "outbox_messages_delivered_total", LOOP_FEEDBACK) >= 1, "loops delivered are counted");
        assertEquals(0, value(page, "outbox_messages_delivered_total", orphan));
        // Every handler's topic is there from the start, also while nothing of it waits.
        assertTrue(Pattern.compile("(?m)^outbox_messages_pending\\{application=\"scheduling-service\",topic=\"loop-invites\",?\\} ")
                .matcher(page).find(), page);
        assertTrue(Pattern.compile("http_client_requests_seconds_count\\{[^}]*uri=\"/v1/loops/\\{loopId\\}\"").matcher(page).find(),
                "the relay's calls to the feedback service are timed under their template");
        assertTrue(!page.contains(loop) && !page.contains(A), "no loop id and no tenant in any label");
    }

    private static String awaitMetrics(java.util.function.Predicate<String> ready) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY);
        String page = "";
        while (Instant.now().isBefore(deadline)) {
            page = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
            if (ready.test(page)) {
                return page;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("metrics did not get there within " + DELIVERY + ":\n" + page);
    }

    /** The value of {@code metric} for {@code topic}, 0 when absent. */
    private static double value(String page, String metric, String topic) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{application=\"scheduling-service\",topic=\"" + Pattern.quote(topic) + "\",?\\} (\\S+)")
                .matcher(page);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
