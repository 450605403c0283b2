package dev.secondround.scheduling.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Stands where the feedback service would be (which is built after this module) and only records
 * what scheduling sends it: every request's method, path, Authorization and traceparent headers and body. It can
 * answer a chosen error status, or be down (nothing listening on its port) and come back on the same
 * port. Gives scheduling {@code feedback-service.url}; one per test JVM.
 */
public class FeedbackReceiver implements QuarkusTestResourceLifecycleManager {

    /** One request as it arrived. */
    public record Received(Instant at, String method, String path, String authorization, String contentType, String traceparent,
                           String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static int port;
    private static volatile int status = 204;

    @Override
    public Map<String, String> start() {
        synchronized (FeedbackReceiver.class) {
            if (server == null) {
                listen(0);
            }
        }
        return Map.of("feedback-service.url", "http://localhost:" + port);
    }

    private static void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + onPort, e);
        }
        port = server.getAddress().getPort();
        server.createContext("/", FeedbackReceiver::record);
        server.start();
    }

    private static void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("traceparent"), body));
            int answer = status;
            if (answer == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                byte[] problem = ("{\"status\":" + answer + ",\"title\":\"refused by the test receiver\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(answer, problem.length);
                exchange.getResponseBody().write(problem);
            }
        }
    }

    /** From now on every request is answered with this status (204: accepted). */
    public static void answer(int httpStatus) {
        status = httpStatus;
    }

    /** Nothing listens on the port any more: connections are refused. */
    public static synchronized void down() {
        server.stop(0);
    }

    /** Listening again, on the same port, accepting. */
    public static synchronized void up() {
        status = 204;
        listen(port);
    }

    /** Requests for this path so far, oldest first. */
    public static List<Received> to(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits for a request to {@code path} that matches; fails the test after {@code timeout}. */
    public static Received await(String path, Predicate<Received> matching, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Received received : to(path)) {
                if (matching.test(received)) {
                    return received;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("nothing matching reached " + path + " within " + timeout + "; got " + to(path));
    }

    @Override
    public void stop() {
        // Shared by every suite of this JVM.
    }
}
