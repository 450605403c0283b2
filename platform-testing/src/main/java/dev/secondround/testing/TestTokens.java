package dev.secondround.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Really signed access tokens for tests, verified by the service against the OIDC WireMock server's
 * keys (issuer, signature, expiry, audience, tenant claim): security is exercised, not switched off.
 * Test application.properties sets {@code smallrye.jwt.sign.key.location=privateKey.jwk}, the key
 * whose public half the WireMock server publishes.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String TENANT_A = "ambrion";
    public static final String TENANT_B = "northwind";

    private TestTokens() {
    }

    /**
     * A demo user: stable subject per tenant and name, so object rules (owner, hiring manager) can be
     * tested. {@code audience} may name several services separated by spaces, like a Keycloak token
     * that is good for the service called and the one it calls on the user's behalf.
     */
    public static String token(String tenant, String username, String audience, String... roles) {
        return claims(tenant, username, audience, roles).sign();
    }

    public static String subjectOf(String tenant, String username) {
        return UUID.nameUUIDFromBytes((tenant + ":" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static JwtClaimsBuilder claims(String tenant, String username, String audience, String... roles) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subjectOf(tenant, username))
                .claim("preferred_username", username)
                .claim("name", username)
                .audience(audiences(audience))
                .groups(Set.of(roles))
                .expiresAt(Instant.now().plusSeconds(600));
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return claims;
    }

    static Set<String> audiences(String audience) {
        return Set.of(audience.trim().split("\\s+"));
    }

    public static String expired(String tenant, String audience, String role) {
        return Jwt.issuer(ISSUER).subject(subjectOf(tenant, "late")).audience(audiences(audience)).groups(role)
                .claim("tenant", tenant)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String wrongIssuer(String tenant, String audience, String role) {
        return Jwt.issuer("https://attacker.example.com").subject(subjectOf(tenant, "mallory")).audience(audiences(audience))
                .groups(role).claim("tenant", tenant).expiresAt(Instant.now().plusSeconds(600)).sign();
    }

    public static String wrongAudience(String tenant, String role) {
        return token(tenant, "someone", "some-other-service", role);
    }

    public static String withoutTenant(String audience, String role) {
        return token(null, "stray", audience, role);
    }

    /** alg=none: a token anyone could write. */
    public static String unsigned(String tenant, String audience, String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"x\",\"aud\":\"" + audience.split(" ")[0]
                + "\",\"groups\":[\"" + role + "\"],\"tenant\":\"" + tenant + "\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** Well-formed and signed, but by a key the identity provider never published. */
    public static String signedByStranger(String tenant, String audience, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return claims(tenant, "forger", audience, role).jws().keyId("1").sign(pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
