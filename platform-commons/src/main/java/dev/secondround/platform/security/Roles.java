package dev.secondround.platform.security;

/** Realm roles, as they appear in the token's {@code groups} claim. */
public final class Roles {
    public static final String RECRUITER = "recruiter";
    public static final String COORDINATOR = "coordinator";
    public static final String HIRING_MANAGER = "hiring_manager";
    public static final String INTERVIEWER = "interviewer";
    public static final String TENANT_ADMIN = "tenant_admin";
    /** ATS integrations, signing in with client credentials. */
    public static final String INTEGRATION = "integration";
    /**
     * One of this platform's own services acting for a tenant in background work (the scheduling
     * relay telling the feedback service about a loop), signing in with that tenant's service client.
     */
    public static final String PLATFORM_SERVICE = "platform_service";

    private Roles() {
    }
}
