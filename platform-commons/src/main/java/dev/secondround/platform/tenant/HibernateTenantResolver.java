package dev.secondround.platform.tenant;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * First lock: Hibernate's discriminator ({@code @TenantId}) filters every query and stamps every insert
 * with this tenant. The second lock is row-level security, see {@link RowLevelSecurityInterceptor}.
 */
@PersistenceUnitExtension
@RequestScoped
public class HibernateTenantResolver implements TenantResolver {

    /** Matches no row: Hibernate asks for a default at boot; the '!' makes it an impossible tenant claim. */
    static final String NO_TENANT = "!no-tenant";

    @Inject
    CurrentTenant currentTenant;

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        return currentTenant.require();
    }
}
