package dev.secondround.candidate.observability;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Without OTEL_EXPORTER_OTLP_ENDPOINT nothing is exported: in particular not to Quarkus's default
 * collector address, localhost:4317, which this test listens on while requests make spans.
 */
@QuarkusTest
class NoTraceExportTest {

    @Test
    void withoutAnEndpointNoSpanLeavesTheService() throws IOException {
        try (ServerSocket defaultCollector = new ServerSocket()) {
            try {
                defaultCollector.bind(new InetSocketAddress("127.0.0.1", 4317));
            } catch (IOException busy) {
                Assumptions.abort("port 4317 is taken on this machine; cannot stand in for the default collector");
            }
            String candidate = Pipeline.createCandidate(Api.A);
            for (int i = 0; i < 5; i++) {
                Api.recruiter(Api.A).get("/v1/candidates/" + candidate).then().statusCode(200);
            }
            // Batches leave every 100 ms in tests (platform-commons %test.quarkus.otel.bsp.schedule.delay).
            defaultCollector.setSoTimeout(2_000);
            Socket connected = null;
            try {
                connected = defaultCollector.accept();
            } catch (SocketTimeoutException expected) {
                // nobody came: nothing is exported
            }
            assertNull(connected, "something connected to the default OTLP endpoint");
        }
    }
}
