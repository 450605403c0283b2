package dev.secondround.candidate.application;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    public boolean exists(UUID candidateId, UUID jobId) {
        return count("candidateId = ?1 and jobId = ?2", candidateId, jobId) > 0;
    }
}
