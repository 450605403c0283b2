package dev.secondround.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ServiceTokens against a real HTTP token endpoint (a JDK HttpServer speaking the client-credentials
 * grant as Keycloak does), configured through the real SmallRye mapping: caching per tenant, refresh
 * before expiry, one fetch at a time, and every way of not getting a token.
 */
class ServiceTokensTest {

    private HttpServer server;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int status = 200;
    private volatile String errorBody = "";
    private volatile long expiresIn = 300;
    private volatile long delayMillis = 0;
    private final MutableClock clock = new MutableClock(Instant.parse("2027-03-04T08:00:00Z"));

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/secondround/protocol/openid-connect/token", this::token);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopTokenEndpoint() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        form.put("method", exchange.getRequestMethod());
        form.put("content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        requests.add(form);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String body = status == 200
                ? "{\"access_token\":\"token-" + issued.incrementAndGet() + "-" + form.get("client_id") + "\",\"expires_in\":" + expiresIn
                + ",\"refresh_expires_in\":0,\"token_type\":\"Bearer\",\"not-before-policy\":0,\"scope\":\"profile email\"}"
                : errorBody;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/secondround";
    }

    /** Configured as a service is: the token URL derived from the realm (trailing slash and all). */
    private ServiceTokens tokens(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "platform.service-token.clients.ambrion.client-id", "ambrion-services",
                "platform.service-token.clients.ambrion.secret", "ambrion-services-secret",
                "platform.service-token.clients.northwind.client-id", "northwind-services",
                "platform.service-token.clients.northwind.secret", "north&wind=secret"));
        properties.putAll(extra);
        SmallRyeConfig config = quarkusLike()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return new ServiceTokens(config.getConfigMapping(ServiceTokenConfig.class), Optional.of(realm() + "/"), new ObjectMapper(), clock);
    }

    private ServiceTokens tokens() {
        return tokens(Map.of());
    }

    @Test
    void signsInWithTheTenantsClientByClientCredentialsAndCachesPerTenant() {
        ServiceTokens tokens = tokens();
        String ambrion = tokens.authorizationFor("ambrion");
        assertEquals("Bearer token-1-ambrion-services", ambrion);
        assertEquals(ambrion, tokens.authorizationFor("ambrion"), "cached");
        String northwind = tokens.authorizationFor("northwind");
        assertEquals("Bearer token-2-northwind-services", northwind, "its own client, its own token");
        assertEquals(northwind, tokens.authorizationFor("northwind"));
        assertEquals(2, requests.size(), "one sign-in per tenant");
        Map<String, String> first = requests.get(0);
        assertEquals("POST", first.get("method"));
        assertEquals("application/x-www-form-urlencoded", first.get("content-type"));
        assertEquals("client_credentials", first.get("grant_type"));
        assertEquals("ambrion-services", first.get("client_id"));
        assertEquals("ambrion-services-secret", first.get("client_secret"));
        assertEquals("north&wind=secret", requests.get(1).get("client_secret"), "form-encoded, not cut at & or =");
    }

    @Test
    void aTokenIsRenewedThirtySecondsBeforeItExpires() {
        ServiceTokens tokens = tokens();
        String first = tokens.authorizationFor("ambrion");
        clock.advance(Duration.ofSeconds(300 - 31));
        assertEquals(first, tokens.authorizationFor("ambrion"), "31 s before expiry it is still handed out");
        clock.advance(Duration.ofSeconds(2));
        String second = tokens.authorizationFor("ambrion");
        assertNotEquals(first, second, "29 s before expiry it is renewed");
        assertEquals(2, requests.size());
        assertEquals(second, tokens.authorizationFor("ambrion"));
    }

    @Test
    void aTokenLivingThirtySecondsOrLessIsNotKept() {
        expiresIn = 30;
        ServiceTokens tokens = tokens();
        assertNotEquals(tokens.authorizationFor("ambrion"), tokens.authorizationFor("ambrion"));
        assertEquals(2, requests.size());
    }

    @Test
    void forgettingATokenMakesTheNextCallSignInAgain() {
        ServiceTokens tokens = tokens();
        String first = tokens.authorizationFor("ambrion");
        String northwind = tokens.authorizationFor("northwind");
        tokens.forget("ambrion");
        assertNotEquals(first, tokens.authorizationFor("ambrion"));
        assertEquals(northwind, tokens.authorizationFor("northwind"), "only that tenant's token is dropped");
        assertEquals(3, requests.size());
    }

    @Test
    void concurrentCallersOfOneTenantShareOneSignIn() throws Exception {
        delayMillis = 300;
        ServiceTokens tokens = tokens();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return tokens.authorizationFor("ambrion");
                }));
            }
            go.countDown();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            for (Future<String> call : calls) {
                seen.add(call.get());
            }
            assertEquals(1, seen.size(), "everyone got the same token");
            assertEquals(1, requests.size(), "fetched once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTenantWithoutAClientIsRefusedWithWhatToConfigure() {
        ServiceTokens.ServiceTokenException e = assertThrows(ServiceTokens.ServiceTokenException.class,
                () -> tokens().authorizationFor("helix"));
        assertTrue(e.getMessage().contains("platform.service-token.clients.helix.client-id"), e.getMessage());
        assertThrows(ServiceTokens.ServiceTokenException.class, () -> tokens().authorizationFor("../ambrion"));
        assertThrows(ServiceTokens.ServiceTokenException.class, () -> tokens().authorizationFor(null));
        assertEquals(0, requests.size(), "nothing was asked of the token endpoint");
    }

    @Test
    void aRefusalSaysWhoWasRefusedAndWhyButNotTheSecretAndIsNotCached() {
        status = 401;
        errorBody = "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}";
        ServiceTokens tokens = tokens();
        ServiceTokens.ServiceTokenException e = assertThrows(ServiceTokens.ServiceTokenException.class,
                () -> tokens.authorizationFor("ambrion"));
        assertTrue(e.getMessage().contains("ambrion-services"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 401 unauthorized_client (Invalid client or Invalid client credentials)"), e.getMessage());
        assertFalse(e.getMessage().contains("ambrion-services-secret"), "the secret never ends up in logs");
        status = 200;
        assertEquals("Bearer token-1-ambrion-services", tokens.authorizationFor("ambrion"), "a later call tries again");
        assertEquals(2, requests.size());
    }

    @Test
    void anAnswerWithoutABearerTokenIsRefused() {
        status = 200;
        ServiceTokens tokens = tokens();
        server.removeContext("/realms/secondround/protocol/openid-connect/token");
        server.createContext("/realms/secondround/protocol/openid-connect/token", exchange -> {
            byte[] body = "{\"token_type\":\"Bearer\",\"expires_in\":300}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ServiceTokens.ServiceTokenException e = assertThrows(ServiceTokens.ServiceTokenException.class,
                () -> tokens.authorizationFor("ambrion"));
        assertTrue(e.getMessage().contains("no bearer access token"), e.getMessage());
    }

    @Test
    void anUnreachableTokenEndpointIsReportedAsSuch() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ServiceTokens tokens = tokens(Map.of("platform.service-token.url", "http://127.0.0.1:" + closedPort + "/token"));
        ServiceTokens.ServiceTokenException e = assertThrows(ServiceTokens.ServiceTokenException.class,
                () -> tokens.authorizationFor("ambrion"));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
        assertTrue(e.getMessage().contains(":" + closedPort + "/token"), "the configured URL wins over the realm's: " + e.getMessage());
    }

    @Test
    void theTokenUrlDefaultsToTheRealmsAndIsRequiredWithoutOne() {
        assertEquals(realm() + "/protocol/openid-connect/token", tokens().endpoint().toString());
        SmallRyeConfig config = quarkusLike().build();
        ServiceTokens withoutRealm = new ServiceTokens(config.getConfigMapping(ServiceTokenConfig.class), Optional.empty(),
                new ObjectMapper(), clock);
        ServiceTokens.ServiceTokenException e = assertThrows(ServiceTokens.ServiceTokenException.class, withoutRealm::endpoint);
        assertTrue(e.getMessage().contains("platform.service-token.url"), e.getMessage());
    }

    @Test
    void clientsCanBeConfiguredFromTheEnvironment() {
        // How ./run-local and docker-compose pass them: the mapping knows its leaves, so the names resolve.
        SmallRyeConfig config = quarkusLike()
                .withSources(new io.smallrye.config.EnvConfigSource(Map.of(
                        "PLATFORM_SERVICE_TOKEN_URL", "http://keycloak:8280/token",
                        "PLATFORM_SERVICE_TOKEN_CLIENTS_AMBRION_CLIENT_ID", "ambrion-services",
                        "PLATFORM_SERVICE_TOKEN_CLIENTS_AMBRION_SECRET", "s3cret"), 300) {
                }).build();
        ServiceTokenConfig mapping = config.getConfigMapping(ServiceTokenConfig.class);
        assertEquals("http://keycloak:8280/token", mapping.url().orElseThrow());
        assertEquals(Set.of("ambrion"), mapping.clients().keySet());
        assertEquals("ambrion-services", mapping.clients().get("ambrion").clientId());
        assertEquals("s3cret", mapping.clients().get("ambrion").secret());
    }

    /** SmallRye as Quarkus configures it: durations like "2s" use Quarkus' converter. */
    private static SmallRyeConfigBuilder quarkusLike() {
        return new SmallRyeConfigBuilder().withMapping(ServiceTokenConfig.class)
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter());
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
