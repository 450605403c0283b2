package dev.secondround.feedback.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One trace across the services, also through the outbox, and log lines that say whose work and which
 * trace they belong to. The candidate service is reached through {@link CandidateServiceProxy}, which
 * keeps the traceparent of every call it forwards.
 */
@QuarkusTest
@TestProfile(CandidateServiceBehindProxy.class)
class TraceAndLogContextTest {

    private static final String A = TestTokens.TENANT_A;
    private final CandidateServiceProxy candidateService = CandidateServiceProxy.shared();
    private final ConsoleLines console = new ConsoleLines();

    @BeforeEach
    void listen() {
        candidateService.up();
        LogContext.getLogContext().getLogger("").addHandler(console);
    }

    @AfterEach
    void stopListening() {
        LogContext.getLogContext().getLogger("").removeHandler(console);
    }

    @Test
    void aLoopSyncAsksTheCandidateServiceInTheCallersTraceAndLogsTenantAndTraceId() {
        String traceId = newTraceId();
        BookedLoop loop = Loops.standard(A, Applications.inRound(A, 2), Applications.jobOf(A), 2, Instant.now().plus(1, ChronoUnit.DAYS));

        given().auth().oauth2(Loops.serviceToken(A)).contentType(ContentType.JSON).body(loop.snapshot())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .put("/v1/loops/" + loop.snapshot().get("loopId")).then().statusCode(204);

        CandidateServiceProxy.Forwarded jobLookup = candidateService.forwarded().stream()
                .filter(f -> f.path().equals("/v1/jobs/" + Applications.jobOf(A)) && f.traceparent() != null
                        && f.traceparent().contains(traceId))
                .findFirst().orElse(null);
        assertNotNull(jobLookup, "the job lookup carries the caller's trace: " + candidateService.forwarded());
        String line = console.awaitLine("feedback requests opened", Duration.ofSeconds(5));
        assertTrue(line.contains("tenant=" + A), line);
        assertTrue(line.contains("traceId=" + traceId), line);
    }

    @Test
    void aDecisionIsAppliedLaterInTheTraceOfTheRequestThatMadeIt() throws InterruptedException {
        BookedLoop loop = Loops.booked(A);
        String traceId = newTraceId();

        String decision = Decisions.decide(Loops.recruiter(A).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"),
                loop.applicationId(), "FINALIST", "Strongest technically.");
        assertEquals("APPLIED", Decisions.awaitSettled(A, decision, Duration.ofSeconds(20)).getString("delivery.status"));

        String stageChanges = "/v1/applications/" + loop.applicationId() + "/stage-changes";
        List<CandidateServiceProxy.Forwarded> applied = candidateService.forwarded().stream()
                .filter(f -> f.method().equals("POST") && f.path().equals(stageChanges)).toList();
        assertEquals(1, applied.size(), applied.toString());
        assertNotNull(applied.get(0).traceparent(), "the relay's call carries a traceparent");
        assertEquals(traceId, applied.get(0).traceparent().substring(3, 35), "the decision's trace, continued by the relay");
        String line = console.awaitLine("decision " + decision, Duration.ofSeconds(5));
        assertTrue(line.contains("tenant=" + A) && line.contains("traceId=" + traceId), "the relay's log line too: " + line);
    }

    @Test
    void theNextTenantsWorkIsLoggedAsTheirsNotAsTheTenantBefore() throws InterruptedException {
        // Tenant A's request and its background delivery run on the same worker threads as what follows.
        BookedLoop loopOfA = Loops.booked(A);
        String decision = Decisions.decide(Loops.recruiter(A), loopOfA.applicationId(), "FINALIST", "Steady.");
        Decisions.awaitSettled(A, decision, Duration.ofSeconds(20));
        console.awaitLine("decision " + decision, Duration.ofSeconds(5));

        String b = TestTokens.TENANT_B;
        String traceId = newTraceId();
        BookedLoop loopOfB = Loops.standard(b, Applications.inRound(b, 2), Applications.jobOf(b), 2, Instant.now().plus(1, ChronoUnit.DAYS));
        given().auth().oauth2(Loops.serviceToken(b)).contentType(ContentType.JSON).body(loopOfB.snapshot())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .put("/v1/loops/" + loopOfB.snapshot().get("loopId")).then().statusCode(204);
        String line = console.awaitLine(traceId, Duration.ofSeconds(5));
        assertTrue(line.contains("tenant=" + b + " "), line);
        assertTrue(!line.contains("tenant=" + A + " "), "no trace of the tenant before: " + line);
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Every log line as the console shows it: the service's configured console format, applied here. */
    static final class ConsoleLines extends Handler {
        private final PatternFormatter format = new PatternFormatter(
                ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class));
        private final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            lines.add(format.format(record instanceof ExtLogRecord ext ? ext : ExtLogRecord.wrap(record)));
        }

        String awaitLine(String containing, Duration within) {
            Instant deadline = Instant.now().plus(within);
            while (Instant.now().isBefore(deadline)) {
                for (String line : lines) {
                    if (line.contains(containing)) {
                        return line;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new AssertionError("no log line containing '" + containing + "' within " + within + "; got " + lines.size() + " lines");
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
