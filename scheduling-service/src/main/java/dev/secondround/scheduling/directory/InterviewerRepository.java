package dev.secondround.scheduling.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InterviewerRepository implements PanacheRepositoryBase<Interviewer, UUID> {

    public boolean emailTaken(String email, UUID exceptId) {
        return count("lower(email) = lower(?1) and id <> ?2", email, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    public boolean subjectTaken(String subject, UUID exceptId) {
        return subject != null && count("oidcSubject = ?1 and id <> ?2", subject, exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    public Optional<Interviewer> findBySubject(String subject) {
        return find("oidcSubject", subject).firstResultOptional();
    }
}
