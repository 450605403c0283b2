package dev.secondround.candidate.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint configured (OTEL_EXPORTER_OTLP_ENDPOINT, here its property), spans leave the
 * service: a request that arrives with a W3C traceparent is exported as part of the caller's trace.
 */
@QuarkusTest
@TestProfile(TraceExportTest.WithCollector.class)
class TraceExportTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /**
     * Stands where an OpenTelemetry collector would listen (OTLP over HTTP), keeping every body. The
     * profile starts it, and may see this class through another class loader than the test does, so
     * the test asks it over HTTP what it received ({@code GET /received?traceId=}).
     */
    static final class Collector {
        private static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
        private static HttpServer server;

        static synchronized String start() {
            if (server == null) {
                try {
                    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                server.createContext("/v1/traces", exchange -> {
                    try (exchange) {
                        RECEIVED.add(exchange.getRequestBody().readAllBytes());
                        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                        exchange.sendResponseHeaders(200, -1);
                    }
                });
                server.createContext("/received", exchange -> {
                    try (exchange) {
                        byte[] traceId = HexFormat.of().parseHex(exchange.getRequestURI().getQuery().replace("traceId=", ""));
                        boolean found = RECEIVED.stream().anyMatch(body -> contains(body, traceId));
                        exchange.sendResponseHeaders(found ? 200 : 404, -1);
                    }
                });
                server.start();
            }
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    public static class WithCollector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.endpoint", Collector.start(),
                    "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    @Test
    void aRequestIsExportedInItsCallersTrace() throws InterruptedException {
        String candidate = Pipeline.createCandidate(Api.A);
        Api.recruiter(Api.A).header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .get("/v1/candidates/" + candidate).then().statusCode(200);

        String collector = ConfigProvider.getConfig().getValue("quarkus.otel.exporter.otlp.endpoint", String.class);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (given().get(collector + "/received?traceId=" + TRACE_ID).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no span of trace " + TRACE_ID + " reached the collector");
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
