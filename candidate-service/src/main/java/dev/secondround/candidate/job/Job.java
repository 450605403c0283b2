package dev.secondround.candidate.job;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A position at a client, with the interview plan its candidates go through. */
@Entity
@Table(name = "job")
public class Job extends TenantOwnedEntity {

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(nullable = false)
    public String title;

    public String department;

    public String location;

    /** OIDC subject of the hiring manager: the one user of that role who sees this job. */
    @Column(name = "hiring_manager_subject", nullable = false)
    public String hiringManagerSubject;

    @Column(name = "hiring_manager_name", nullable = false)
    public String hiringManagerName;

    @Column(name = "hiring_manager_email")
    public String hiringManagerEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status = JobStatus.OPEN;

    /** Ordered rounds, numbered 1..n (2 to 6); small and always read with the job. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "interview_plan", nullable = false)
    public List<Round> interviewPlan = new ArrayList<>();

    public int roundCount() {
        return interviewPlan.size();
    }

    public Optional<Round> round(int number) {
        return interviewPlan.stream().filter(r -> r.number() == number).findFirst();
    }

    public record Round(int number, String name, RoundKind kind) {
    }
}
