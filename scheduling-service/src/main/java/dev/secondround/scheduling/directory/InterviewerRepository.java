package dev.secondround.scheduling.directory;

import dev.secondround.platform.persistence.Uniqueness;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InterviewerRepository implements PanacheRepositoryBase<Interviewer, UUID> {

    public boolean emailTaken(String email, UUID exceptId) {
        return Uniqueness.takenIgnoringCase(getEntityManager(), Interviewer.class, "email", email, exceptId);
    }

    public boolean subjectTaken(String subject, UUID exceptId) {
        return Uniqueness.taken(getEntityManager(), Interviewer.class, "oidcSubject", subject, exceptId);
    }

    public Optional<Interviewer> findBySubject(String subject) {
        return find("oidcSubject", subject).firstResultOptional();
    }
}
