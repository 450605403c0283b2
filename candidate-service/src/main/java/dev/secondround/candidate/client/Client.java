package dev.secondround.candidate.client;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An employer the agency recruits for. */
@Entity
@Table(name = "client")
public class Client extends TenantOwnedEntity {

    @Column(nullable = false)
    public String name;

    public String industry;

    public String website;

    /** Few per client and always read with it, so a JSON column rather than a table. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Contact> contacts = new ArrayList<>();

    public record Contact(String name, String title, String email, String phone) {
    }
}
