package dev.secondround.candidate.client;

import dev.secondround.platform.persistence.Uniqueness;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    public boolean nameTaken(String name, UUID exceptId) {
        return Uniqueness.takenIgnoringCase(getEntityManager(), Client.class, "name", name, exceptId);
    }
}
