package dev.secondround.candidate.candidate;

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

/** A person the agency represents. Names are stored exactly as given: itineraries print them. */
@Entity
@Table(name = "candidate")
public class Candidate extends TenantOwnedEntity {

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    /** Unique per tenant, case-insensitively (database index on lower(email)). */
    @Column(nullable = false)
    public String email;

    public String phone;

    @Column(name = "linkedin_url")
    public String linkedinUrl;

    @Column(name = "resume_url")
    public String resumeUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CandidateSource source;

    /** OIDC subject of the recruiter who owns the relationship. */
    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(40)[]")
    public List<String> tags = new ArrayList<>();
}
