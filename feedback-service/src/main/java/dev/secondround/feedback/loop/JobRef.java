package dev.secondround.feedback.loop;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A job as the candidate service had it at the last loop sync: who its hiring manager is, for the
 * object rule "hiring managers see the jobs they manage" and for escalations. Refreshed on every sync.
 */
@Entity
@Table(name = "job_ref")
public class JobRef extends TenantOwnedEntity {

    @Column(name = "job_id", nullable = false, updatable = false)
    public UUID jobId;

    @Column(nullable = false)
    public String title;

    @Column(name = "hiring_manager_subject", nullable = false)
    public String hiringManagerSubject;

    @Column(name = "hiring_manager_name", nullable = false)
    public String hiringManagerName;

    @Column(name = "hiring_manager_email")
    public String hiringManagerEmail;
}
