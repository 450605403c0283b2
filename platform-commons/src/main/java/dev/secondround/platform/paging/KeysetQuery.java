package dev.secondround.platform.paging;

import dev.secondround.platform.persistence.TenantOwnedEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a filtered JPQL list as one keyset page ordered by (updatedAt, id). Fetches one row more than
 * asked to know whether a next page exists, so no count query is needed.
 */
public final class KeysetQuery<E extends TenantOwnedEntity> {

    private final Class<E> type;
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    private KeysetQuery(Class<E> type) {
        this.type = type;
    }

    public static <E extends TenantOwnedEntity> KeysetQuery<E> of(Class<E> type) {
        return new KeysetQuery<>(type);
    }

    /** Adds {@code and (condition)}; the condition refers to the entity as {@code e}. */
    public KeysetQuery<E> and(String condition, String parameter, Object value) {
        where.append(" and (").append(condition).append(')');
        if (parameter != null) {
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds {@code and (condition)} with several parameters. */
    public KeysetQuery<E> and(String condition, Map<String, Object> conditionParameters) {
        where.append(" and (").append(condition).append(')');
        parameters.putAll(conditionParameters);
        return this;
    }

    public KeysetQuery<E> andIf(boolean applies, String condition, String parameter, Object value) {
        return applies ? and(condition, parameter, value) : this;
    }

    public Page<E> page(EntityManager em, PageParams params) {
        Optional<Cursor> after = params.after();
        params.updatedSinceInstant().ifPresent(since -> and("e.updatedAt >= :updatedSince", "updatedSince", since));
        after.ifPresent(cursor -> {
            and("e.updatedAt > :cursorTime or (e.updatedAt = :cursorTime and e.id > :cursorId)", "cursorTime", cursor.updatedAt());
            parameters.put("cursorId", cursor.id());
        });
        int limit = params.limitOrDefault();
        TypedQuery<E> query = em.createQuery(
                "select e from " + type.getSimpleName() + " e where " + where + " order by e.updatedAt, e.id", type);
        parameters.forEach(query::setParameter);
        query.setMaxResults(limit + 1);
        List<E> rows = query.getResultList();
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<E> items = rows.subList(0, limit);
        E last = items.get(items.size() - 1);
        return new Page<>(List.copyOf(items), new Cursor(last.getUpdatedAt(), last.getId()).encode());
    }
}
