package dev.secondround.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * "Is this name (email, subject) already used by another row of this tenant?" — asked before a write
 * so the user gets a 409 that names the clash rather than a unique-index error. Hibernate's tenant
 * filter scopes the count to the caller's tenant; the unique indexes remain the final word.
 */
public final class Uniqueness {

    /** Matches no row: a new entity has no id to exclude yet. */
    private static final UUID NO_ID = new UUID(0, 0);

    private Uniqueness() {
    }

    /** Case-insensitive, as people see names and emails. {@code field} is a mapped attribute, never user input. */
    public static boolean takenIgnoringCase(EntityManager em, Class<? extends TenantOwnedEntity> type, String field,
                                            String value, UUID exceptId) {
        return count(em, type, "lower(e." + field + ") = lower(:value)", value, exceptId) > 0;
    }

    /** Exact, for identifiers such as an OIDC subject. */
    public static boolean taken(EntityManager em, Class<? extends TenantOwnedEntity> type, String field, String value,
                                UUID exceptId) {
        return value != null && count(em, type, "e." + field + " = :value", value, exceptId) > 0;
    }

    private static long count(EntityManager em, Class<?> type, String condition, String value, UUID exceptId) {
        return em.createQuery("select count(e) from " + type.getSimpleName() + " e where " + condition + " and e.id <> :except",
                        Long.class)
                .setParameter("value", value).setParameter("except", exceptId == null ? NO_ID : exceptId)
                .getSingleResult();
    }
}
