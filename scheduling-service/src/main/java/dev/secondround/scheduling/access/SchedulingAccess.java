package dev.secondround.scheduling.access;

import dev.secondround.platform.security.Caller;
import dev.secondround.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;

/**
 * Object rules inside a tenant. Coordinators, recruiters, tenant admins and integrations keep the
 * directory and schedule; an interviewer sees and edits only their own directory entry's time off
 * (matched by the token's subject); everything else of theirs answers 404 like a missing object.
 */
@RequestScoped
public class SchedulingAccess {

    private final Caller caller;

    public SchedulingAccess(Caller caller) {
        this.caller = caller;
    }

    public boolean schedules() {
        return caller.hasAnyRole(Roles.COORDINATOR, Roles.RECRUITER, Roles.TENANT_ADMIN, Roles.INTEGRATION);
    }

    /** An interviewer without any scheduling or hiring-manager role. */
    public boolean isInterviewerOnly() {
        return !schedules() && !caller.hasRole(Roles.HIRING_MANAGER);
    }

    public boolean isSelf(String oidcSubject) {
        return oidcSubject != null && oidcSubject.equals(caller.subject());
    }

    public String subject() {
        return caller.subject();
    }
}
