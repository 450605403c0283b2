package dev.secondround.scheduling.directory;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Someone a candidate may meet in a loop: hiring manager, future supervisor, the manager's boss,
 * peers, direct reports, a technical consultant, a tour guide. The name is printed on itineraries
 * and invites exactly as stored.
 */
@Entity
@Table(name = "interviewer")
public class Interviewer extends TenantOwnedEntity {

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_kind", nullable = false)
    public InterviewerRole roleKind;

    @Column(nullable = false)
    public String email;

    /** IANA zone; working hours are in this zone. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "working_hours", nullable = false)
    public List<WorkingHours> workingHours = new ArrayList<>();

    @Column(name = "max_interviews_per_day", nullable = false)
    public int maxInterviewsPerDay;

    @Column(name = "max_interviews_per_week", nullable = false)
    public int maxInterviewsPerWeek;

    /** The OIDC subject this person signs in with, so they can see their own sessions and time off. */
    @Column(name = "oidc_subject")
    public String oidcSubject;

    @Column(nullable = false)
    public boolean active = true;
}
