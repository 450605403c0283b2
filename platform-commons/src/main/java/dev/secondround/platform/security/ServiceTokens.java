package dev.secondround.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.platform.tenant.TenantClaim;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access tokens for this platform's own background work on behalf of a tenant (an outbox relay
 * calling another of our services), by OAuth2 client credentials: the tenant's service client
 * ({@link ServiceTokenConfig}) signs in at the token endpoint, and its service account's token carries
 * the tenant claim and the {@link Roles#PLATFORM_SERVICE} role, so the called service applies its
 * usual tenant rules. Written by hand because quarkus-oidc-client is unusable here (BUILD-NOTES).
 * <p>
 * Tokens are cached per tenant until {@link #EXPIRY_MARGIN} before they expire; one fetch per tenant
 * at a time. Every failure is a {@link ServiceTokenException}: outbox handlers let it propagate, so the
 * relay retries later.
 */
@ApplicationScoped
public class ServiceTokens {

    /** A token is not handed out closer to its expiry than this: it must survive the call it is for. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final String TOKEN_PATH = "/protocol/openid-connect/token";

    private final ServiceTokenConfig config;
    private final Optional<String> authServerUrl;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ConcurrentMap<String, CachedToken> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> fetchLocks = new ConcurrentHashMap<>();

    @Inject
    public ServiceTokens(ServiceTokenConfig config,
                         @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
                         ObjectMapper json) {
        this(config, authServerUrl, json, Clock.systemUTC());
    }

    ServiceTokens(ServiceTokenConfig config, Optional<String> authServerUrl, ObjectMapper json, Clock clock) {
        this.config = config;
        this.authServerUrl = authServerUrl;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private record CachedToken(String token, Instant refreshAfter) {
    }

    /** The {@code Authorization} header value for a call on behalf of {@code tenantId}: "Bearer &lt;token&gt;". */
    public String authorizationFor(String tenantId) {
        return "Bearer " + tokenFor(tenantId);
    }

    /**
     * Drops the cached token of a tenant, e.g. after the called service answered 401 (keys rotated,
     * realm re-imported): the next call signs in afresh instead of resending a refused token.
     */
    public void forget(String tenantId) {
        if (tenantId != null) {
            cache.remove(tenantId);
        }
    }

    String tokenFor(String tenantId) {
        ServiceTokenConfig.Client client = clientOf(tenantId);
        CachedToken cached = cache.get(tenantId);
        if (cached != null && clock.instant().isBefore(cached.refreshAfter())) {
            return cached.token();
        }
        // One sign-in per tenant at a time; a tenant with a valid token is never held up by another's fetch.
        synchronized (fetchLocks.computeIfAbsent(tenantId, t -> new Object())) {
            cached = cache.get(tenantId);
            if (cached != null && clock.instant().isBefore(cached.refreshAfter())) {
                return cached.token();
            }
            CachedToken fresh = fetch(tenantId, client);
            cache.put(tenantId, fresh);
            return fresh.token();
        }
    }

    private ServiceTokenConfig.Client clientOf(String tenantId) {
        if (!TenantClaim.isValid(tenantId)) {
            throw new ServiceTokenException("no service token for \"" + tenantId + "\": not a tenant id");
        }
        ServiceTokenConfig.Client client = config.clients().get(tenantId);
        if (client == null) {
            throw new ServiceTokenException("no service client is configured for tenant " + tenantId
                    + ": set platform.service-token.clients." + tenantId + ".client-id and .secret");
        }
        return client;
    }

    /** The configured token endpoint, or the realm's from quarkus.oidc.auth-server-url. */
    URI endpoint() {
        String url = config.url().filter(u -> !u.isBlank())
                .or(() -> authServerUrl.filter(u -> !u.isBlank()).map(u -> stripTrailingSlashes(u) + TOKEN_PATH))
                .orElseThrow(() -> new ServiceTokenException(
                        "no token endpoint: set platform.service-token.url (or quarkus.oidc.auth-server-url)"));
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ServiceTokenException("platform.service-token.url is not a URL: " + url);
        }
    }

    private CachedToken fetch(String tenantId, ServiceTokenConfig.Client client) {
        URI endpoint = endpoint();
        String who = "client " + client.clientId() + " of tenant " + tenantId;
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(config.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                        + "&client_id=" + form(client.clientId()) + "&client_secret=" + form(client.secret())))
                .build();
        // Expiry counts from before the request: the token may have been issued any time after this.
        Instant requestedAt = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceTokenException("token endpoint " + endpoint + " unreachable for " + who + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException("interrupted while fetching a service token for " + who, e);
        }
        if (response.statusCode() != 200) {
            throw new ServiceTokenException("token endpoint " + endpoint + " refused " + who + ": HTTP "
                    + response.statusCode() + " " + describeError(response.body()));
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new ServiceTokenException("token endpoint " + endpoint + " answered " + who + " with something other than JSON", e);
        }
        String token = body.path("access_token").asText("");
        String type = body.path("token_type").asText("Bearer");
        if (token.isBlank() || !"bearer".equalsIgnoreCase(type)) {
            throw new ServiceTokenException("token endpoint " + endpoint + " gave " + who + " no bearer access token");
        }
        // No expires_in: use the token once rather than guess how long it lives.
        long expiresIn = Math.max(0, body.path("expires_in").asLong(0));
        return new CachedToken(token, requestedAt.plusSeconds(expiresIn).minus(EXPIRY_MARGIN));
    }

    /** OAuth2 error and description (RFC 6749 §5.2) if the body has them, else its beginning; never the request. */
    private String describeError(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode error = json.readTree(body);
            if (error.hasNonNull("error")) {
                return error.get("error").asText()
                        + (error.hasNonNull("error_description") ? " (" + error.get("error_description").asText() + ")" : "");
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        String text = body.strip();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripTrailingSlashes(String url) {
        String stripped = url;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    /** No service token could be had; the message says for which tenant and why (never the secret). */
    public static class ServiceTokenException extends RuntimeException {
        public ServiceTokenException(String message) {
            super(message);
        }

        public ServiceTokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
