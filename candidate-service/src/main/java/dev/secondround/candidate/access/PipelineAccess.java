package dev.secondround.candidate.access;

import dev.secondround.platform.security.Caller;
import dev.secondround.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;

/**
 * Object rules inside a tenant. Recruiters, coordinators, tenant admins and integrations run the whole
 * pipeline; a hiring manager sees only the jobs they manage, those jobs' applications, and the
 * debriefs recruiters chose to share. Role checks themselves are {@code @RolesAllowed} on resources.
 */
@RequestScoped
public class PipelineAccess {

    private final Caller caller;

    public PipelineAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean runsPipeline() {
        return caller.hasAnyRole(Roles.RECRUITER, Roles.COORDINATOR, Roles.TENANT_ADMIN, Roles.INTEGRATION);
    }

    /** True when the caller sees only their own jobs (a hiring manager without a pipeline role). */
    public boolean limitedToManagedJobs() {
        return !runsPipeline();
    }

    public String subject() {
        return caller.subject();
    }

    public boolean mayRead(String jobHiringManagerSubject) {
        return runsPipeline() || caller.subject().equals(jobHiringManagerSubject);
    }
}
