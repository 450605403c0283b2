package dev.secondround.platform.observability;

import io.smallrye.common.vertx.VertxContext;
import org.jboss.logging.MDC;

/**
 * The tenant in the logging context ({@code %X{tenant}} in the log format), so every line written for
 * a request or for background work says whose work it was. Tenant ids are slugs from a verified claim
 * or from our own tenant tables, never caller-chosen text.
 */
public final class TenantMdc {

    public static final String KEY = "tenant";

    private TenantMdc() {
    }

    /**
     * For a request: the MDC then lives in the request's Vert.x context and ends with it. Outside one
     * (no duplicated context), the MDC would be the thread's and outlive the request, so nothing is set.
     */
    public static void forRequest(String tenant) {
        if (VertxContext.isOnDuplicatedContext()) {
            MDC.put(KEY, tenant);
        }
    }

    /** For background work, which must call {@link #clear()} when it is done. */
    public static void forBackgroundWork(String tenant) {
        MDC.put(KEY, tenant);
    }

    public static void clear() {
        MDC.remove(KEY);
    }
}
