package dev.secondround.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * An OAuth2 client-credentials token endpoint in the test JVM, answering as Keycloak's does for the
 * realm's platform service clients: {@code ambrion-services} / {@code northwind-services} with their
 * demo secrets get a {@link TestTokens}-signed access token (issuer {@link TestTokens#ISSUER}, their
 * tenant, groups {@code platform_service} and {@code integration}, audience every service, 300 s);
 * a wrong client or secret gets 401 {@code unauthorized_client}. Services under test verify those
 * tokens like any other, so service-to-service calls are tested with real signatures. One server per
 * test JVM ({@link #shared()}).
 */
public final class TokenServer implements AutoCloseable {

    public static final String AUDIENCE = "candidate-service scheduling-service feedback-service";
    public static final long EXPIRES_IN_SECONDS = 300;
    public static final String[] ROLES = {"platform_service", "integration"};

    /** A tenant's platform service client, as in deploy/keycloak/secondround-realm.json. */
    public record ServiceClient(String tenant, String clientId, String secret) {
    }

    public static final List<ServiceClient> CLIENTS = List.of(
            new ServiceClient(TestTokens.TENANT_A, "ambrion-services", "ambrion-services-secret"),
            new ServiceClient(TestTokens.TENANT_B, "northwind-services", "northwind-services-secret"));

    private static final String PATH = "/realms/quarkus/protocol/openid-connect/token";
    private static TokenServer shared;

    private final HttpServer server;
    private final ExecutorService workers;
    private final PrivateKey signingKey;
    private final String keyId;
    private final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    private TokenServer() {
        PublicJsonWebKey key = testSigningKey();
        this.signingKey = key.getPrivateKey();
        this.keyId = key.getKeyId();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test token endpoint", e);
        }
        workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-token-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The test JVM's token endpoint, started on first use. */
    public static synchronized TokenServer shared() {
        if (shared == null) {
            shared = new TokenServer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public String tokenUrl() {
        return "http://localhost:" + server.getAddress().getPort() + PATH;
    }

    /** What a service needs to get service tokens here: {@code platform.service-token.url} and both tenants' clients. */
    public Map<String, String> serviceTokenConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("platform.service-token.url", tokenUrl());
        for (ServiceClient client : CLIENTS) {
            config.put("platform.service-token.clients." + client.tenant() + ".client-id", client.clientId());
            config.put("platform.service-token.clients." + client.tenant() + ".secret", client.secret());
        }
        return config;
    }

    /** How many tokens this client got so far (a cache that works asks rarely). */
    public int tokensIssuedTo(String clientId) {
        AtomicInteger count = issued.get(clientId);
        return count == null ? 0 : count.get();
    }

    public int requestsRefused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"error\":\"invalid_request\",\"error_description\":\"HTTP method not allowed\"}");
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            basicCredentials(exchange).ifPresent(form::putAll);
            if (!"client_credentials".equals(form.get("grant_type"))) {
                refused.incrementAndGet();
                answer(exchange, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Unsupported grant_type\"}");
                return;
            }
            ServiceClient client = CLIENTS.stream().filter(c -> c.clientId().equals(form.get("client_id"))
                    && c.secret().equals(form.get("client_secret"))).findFirst().orElse(null);
            if (client == null) {
                refused.incrementAndGet();
                answer(exchange, 401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}");
                return;
            }
            String token = TestTokens.claims(client.tenant(), "service-account-" + client.clientId(), AUDIENCE, ROLES)
                    .claim("azp", client.clientId())
                    .claim("client_id", client.clientId())
                    .expiresAt(Instant.now().plusSeconds(EXPIRES_IN_SECONDS))
                    .jws().keyId(keyId).sign(signingKey);
            issued.computeIfAbsent(client.clientId(), c -> new AtomicInteger()).incrementAndGet();
            answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":" + EXPIRES_IN_SECONDS
                    + ",\"refresh_expires_in\":0,\"token_type\":\"Bearer\",\"not-before-policy\":0,\"scope\":\"profile email\"}");
        } catch (RuntimeException e) {
            // A bug here must show up in the test's log, not as a hung request.
            e.printStackTrace();
            answer(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** client_secret_basic, which Keycloak accepts as well as the form fields. */
    private static java.util.Optional<Map<String, String>> basicCredentials(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return java.util.Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Map.of(
                "client_id", URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                "client_secret", URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** The quarkus-test-oidc-server key whose public half the OIDC WireMock server publishes. */
    private static PublicJsonWebKey testSigningKey() {
        try (InputStream in = TokenServer.class.getClassLoader().getResourceAsStream("privateKey.jwk")) {
            if (in == null) {
                throw new IllegalStateException("privateKey.jwk (quarkus-test-oidc-server) is not on the class path");
            }
            return PublicJsonWebKey.Factory.newPublicJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("cannot read the test signing key", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
