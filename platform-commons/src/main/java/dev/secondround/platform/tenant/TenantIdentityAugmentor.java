package dev.secondround.platform.tenant;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import dev.secondround.platform.observability.TenantMdc;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the verified {@code tenant} claim into an identity attribute, and refuses (401) any token
 * without a well-formed one. This runs after quarkus-oidc has checked issuer, signature, expiry and
 * audience, so the claim can be trusted. No header, path or body ever picks the tenant. The tenant
 * also goes into the request's logging context.
 */
@ApplicationScoped
public class TenantIdentityAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token carries no tenant"));
        }
        Object claim = token.getClaim(TenantClaim.CLAIM);
        String tenant = claim == null ? null : claim.toString();
        if (!TenantClaim.isValid(tenant)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token carries no valid tenant claim"));
        }
        TenantMdc.forRequest(tenant);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(TenantClaim.IDENTITY_ATTRIBUTE, tenant)
                .build());
    }
}
