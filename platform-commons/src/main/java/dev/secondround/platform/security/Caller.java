package dev.secondround.platform.security;

import dev.secondround.platform.tenant.CurrentTenant;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject, display name and realm roles. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentTenant tenant;

    /** The OIDC subject: stable per user (or per integration client's service account). */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public String displayName() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object name = token.getClaim("name");
            if (name != null) {
                return name.toString();
            }
            Object username = token.getClaim("preferred_username");
            if (username != null) {
                return username.toString();
            }
        }
        return subject();
    }

    /**
     * The caller's verified access token, to call another of our services on their behalf: that
     * service then applies its own tenant, role and object rules to the same person.
     */
    public String bearerToken() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getRawToken() != null) {
            return token.getRawToken();
        }
        throw new IllegalStateException("no bearer token: only callable inside a request authenticated by a token");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public String tenant() {
        return tenant.require();
    }
}
