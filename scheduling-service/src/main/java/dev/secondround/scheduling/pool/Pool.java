package dev.secondround.scheduling.pool;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Interchangeable interviewers a loop can draw from: "one of the java-technical pool", "a tour guide". */
@Entity
@Table(name = "pool")
public class Pool extends TenantOwnedEntity {

    @Column(nullable = false)
    public String name;

    public String description;

    /** Interviewer ids; checked against the directory on every write. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "member_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> memberIds = new ArrayList<>();
}
