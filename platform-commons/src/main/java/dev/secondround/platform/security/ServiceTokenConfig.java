package dev.secondround.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link ServiceTokens} gets service tokens, and with which client per tenant:
 * <pre>
 * platform.service-token.url=http://localhost:8280/realms/secondround/protocol/openid-connect/token
 * platform.service-token.clients.ambrion.client-id=ambrion-services
 * platform.service-token.clients.ambrion.secret=...
 * </pre>
 * One confidential client per tenant, because the tenant of a token comes only from a verified claim:
 * the client's service account carries its tenant, as a user does.
 */
@ConfigMapping(prefix = "platform.service-token")
public interface ServiceTokenConfig {

    /** The token endpoint; without it, the realm's ({@code quarkus.oidc.auth-server-url}/protocol/openid-connect/token). */
    Optional<String> url();

    /** Per tenant id: the client whose service account carries that tenant. */
    Map<String, Client> clients();

    @WithDefault("2s")
    Duration connectTimeout();

    /** For the whole token request once connected. */
    @WithDefault("5s")
    Duration readTimeout();

    interface Client {
        String clientId();

        String secret();
    }
}
