package dev.secondround.platform.tenant;

import java.util.regex.Pattern;

/** The one place that knows what a tenant id looks like and which token claim carries it. */
public final class TenantClaim {

    /** Name of the access-token claim that carries the tenant (a Keycloak user or client attribute). */
    public static final String CLAIM = "tenant";

    /** Name of the {@code SecurityIdentity} attribute our augmentor stores the verified tenant in. */
    public static final String IDENTITY_ATTRIBUTE = "dev.secondround.tenant";

    /** Lower-case slug: it ends up in SQL settings, logs and metrics, so nothing exotic is allowed. */
    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");

    private TenantClaim() {
    }

    public static boolean isValid(String tenantId) {
        return tenantId != null && FORMAT.matcher(tenantId).matches();
    }
}
