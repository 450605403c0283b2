package dev.secondround.feedback.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.secondround.testing.CandidateServiceTestResource;
import dev.secondround.testing.ServiceProcess;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands between the service under test and the real candidate service on a port fixed up front, so
 * a test can take the candidate service "down" (nothing listens: connection refused) and bring it
 * back, or lose the answer to a stage change after the candidate service has made it (as if we
 * crashed before recording it). Counts the stage changes it forwarded, per application, and keeps the
 * method, path and traceparent of every request it forwarded.
 */
public final class CandidateServiceProxy {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding");
    private static final String PORT_PROPERTY = "feedback.test.candidate-service-proxy.port";
    private static CandidateServiceProxy shared;

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> stageChangesForwarded = new ConcurrentHashMap<>();
    private final List<Forwarded> forwarded = new CopyOnWriteArrayList<>();
    private final AtomicBoolean loseNextStageChangeAnswer = new AtomicBoolean();
    private HttpServer server;

    private CandidateServiceProxy(int port) {
        this.port = port;
    }

    /**
     * The proxy of this test JVM, on a port chosen on first use; not listening until {@link #up()}. The
     * port is kept in a system property: a test profile and the test may see this class through
     * different class loaders, and must still agree on the port.
     */
    public static synchronized CandidateServiceProxy shared() {
        if (shared == null) {
            synchronized (System.class) {
                String port = System.getProperty(PORT_PROPERTY);
                if (port == null) {
                    port = String.valueOf(ServiceProcess.freePort());
                    System.setProperty(PORT_PROPERTY, port);
                }
                shared = new CandidateServiceProxy(Integer.parseInt(port));
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Listens and forwards (binding again may take a moment after {@link #down()}). */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                break;
            } catch (BindException busy) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("port " + port + " stays busy", busy);
                }
                pause();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        server.createContext("/", this::forward);
        server.start();
    }

    /** Stops listening and drops every open connection: calls now fail with "connection refused". */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The next stage change is made by the candidate service, but its answer never reaches the caller. */
    public void loseNextStageChangeAnswer() {
        loseNextStageChangeAnswer.set(true);
    }

    /** One request passed on to the candidate service, with the trace context it carried. */
    public record Forwarded(String method, String path, String traceparent) {
    }

    /** Every request passed on so far, oldest first. */
    public List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    public int stageChangesForwarded(String applicationId) {
        AtomicInteger count = stageChangesForwarded.get(applicationId);
        return count == null ? 0 : count.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            forwarded.add(new Forwarded(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("traceparent")));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(CandidateServiceTestResource.url() + path
                            + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean stageChange = "POST".equals(exchange.getRequestMethod()) && path.endsWith("/stage-changes");
            if (stageChange) {
                String applicationId = path.replaceAll(".*/applications/([^/]+)/stage-changes$", "$1");
                stageChangesForwarded.computeIfAbsent(applicationId, a -> new AtomicInteger()).incrementAndGet();
                if (loseNextStageChangeAnswer.compareAndSet(true, false)) {
                    return; // closes the connection without an answer
                }
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
