package dev.secondround.candidate.candidate;

import dev.secondround.platform.persistence.Uniqueness;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CandidateRepository implements PanacheRepositoryBase<Candidate, UUID> {

    public boolean emailTaken(String email, UUID exceptId) {
        return Uniqueness.takenIgnoringCase(getEntityManager(), Candidate.class, "email", email, exceptId);
    }
}
