package dev.secondround.scheduling.directory;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Serialises the work that reads a person's bookings and then writes something that depends on them
 * (a booking that must respect daily and weekly limits, a replacement, new time off). The exclusion
 * constraints stop overlapping bookings; these transaction-scoped advisory locks stop two
 * non-overlapping bookings on the same day from both passing a limit of one. Taken in sorted order,
 * so two transactions locking the same people cannot deadlock.
 */
public final class InterviewerLocks {

    private InterviewerLocks() {
    }

    public static void lock(EntityManager em, String tenant, Collection<UUID> interviewerIds) {
        for (UUID id : new TreeSet<>(interviewerIds)) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .setParameter("key", tenant + ":interviewer:" + id)
                    .getSingleResult();
        }
    }
}
