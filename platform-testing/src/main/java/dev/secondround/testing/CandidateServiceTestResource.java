package dev.secondround.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The real candidate service for the tests of a service that calls it (scheduling validates
 * applications with the caller's token): the packaged jar in its own JVM, its own database in the
 * same PostgreSQL, verifying the same test tokens (the OIDC WireMock server's public key, issuer
 * {@link TestTokens#ISSUER}, audience {@code candidate-service}). Gives the calling service
 * {@code candidate-service.url}. One process per test JVM.
 */
public class CandidateServiceTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String AUDIENCE = "candidate-service";
    private static ServiceProcess process;

    @Override
    public Map<String, String> start() {
        return Map.of("candidate-service.url", ensureStarted().url());
    }

    /** Starts the candidate service unless this JVM already runs it (another resource may need it first). */
    static synchronized ServiceProcess ensureStarted() {
        if (process == null) {
            RealPostgres.ServiceDatabase database = RealPostgres.createServiceDatabase("candidate");
            process = ServiceProcess.start("candidate-service", verifiesTestTokens(database), Duration.ofSeconds(90));
        }
        return process;
    }

    /**
     * A service process's configuration for tests: its database, and tokens verified locally with the key
     * the tests sign with (no discovery round trip; the empty server URL stops discovery against the
     * platform default, Keycloak on 8280).
     */
    static Map<String, String> verifiesTestTokens(RealPostgres.ServiceDatabase database) {
        Map<String, String> properties = new HashMap<>(database.quarkusProperties());
        properties.put("quarkus.oidc.public-key", testPublicKey());
        properties.put("quarkus.oidc.auth-server-url", "");
        properties.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return properties;
    }

    /** The running candidate service, for tests that set up applications through its API. */
    public static String url() {
        return process.url();
    }

    /** The OIDC WireMock server's published key, as quarkus-oidc's {@code public-key} (base64 X.509). */
    static String testPublicKey() {
        try (InputStream in = CandidateServiceTestResource.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            if (in == null) {
                throw new IllegalStateException("publicKey.jwk (quarkus-test-oidc-server) is not on the class path");
            }
            Key key = JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getKey();
            return Base64.getEncoder().encodeToString(key.getEncoded());
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("cannot read the test public key", e);
        }
    }

    @Override
    public void stop() {
        // The process stops with the test JVM (shutdown hook); later suites of this JVM reuse it.
    }
}
