package dev.secondround.platform.tenant;

import dev.secondround.platform.observability.TenantMdc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The tenant of the work in progress. In a request it is the verified token claim; background work
 * (schedulers, outbox relays) has no token and must call {@link #useForBackgroundWork(String)} inside
 * an activated request context. There is deliberately no default: no tenant means no data.
 */
@RequestScoped
public class CurrentTenant {

    @Inject
    SecurityIdentity identity;

    private String explicitTenant;

    /** The tenant, or empty when this unit of work has none (then RLS shows nothing and refuses writes). */
    public Optional<String> find() {
        if (explicitTenant != null) {
            return Optional.of(explicitTenant);
        }
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getAttribute(TenantClaim.IDENTITY_ATTRIBUTE));
    }

    public String require() {
        return find().orElseThrow(() -> new IllegalStateException("no tenant in this unit of work"));
    }

    /** For scheduled and background work only; a request always takes the tenant from its token. */
    public void useForBackgroundWork(String tenantId) {
        if (!TenantClaim.isValid(tenantId)) {
            throw new IllegalArgumentException("not a tenant id");
        }
        if (identity != null && !identity.isAnonymous()) {
            throw new IllegalStateException("a request's tenant comes from its token and cannot be replaced");
        }
        this.explicitTenant = tenantId;
        TenantMdc.forBackgroundWork(tenantId);
    }

    /** Background work's tenant leaves the logging context with the unit of work. */
    @PreDestroy
    void endOfWork() {
        if (explicitTenant != null) {
            TenantMdc.clear();
        }
    }
}
