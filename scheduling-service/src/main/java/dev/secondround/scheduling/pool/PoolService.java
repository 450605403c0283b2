package dev.secondround.scheduling.pool;

import dev.secondround.platform.persistence.Uniqueness;
import dev.secondround.platform.api.Text;
import dev.secondround.platform.concurrency.IfMatch;
import dev.secondround.platform.paging.KeysetQuery;
import dev.secondround.platform.paging.Page;
import dev.secondround.platform.paging.PageParams;
import dev.secondround.platform.problem.ProblemException;
import dev.secondround.scheduling.directory.Interviewer;
import dev.secondround.scheduling.pool.PoolApi.Member;
import dev.secondround.scheduling.pool.PoolApi.PoolRequest;
import dev.secondround.scheduling.pool.PoolApi.PoolView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class PoolService {

    private final EntityManager em;

    public PoolService(EntityManager em) {
        this.em = em;
    }

    public Pool create(PoolRequest request) {
        Pool pool = new Pool();
        apply(pool, request, null);
        em.persist(pool);
        em.flush();
        return pool;
    }

    public Pool update(UUID id, IfMatch ifMatch, PoolRequest request) {
        Pool pool = require(id);
        ifMatch.check(pool.getVersion());
        apply(pool, request, id);
        em.flush();
        return pool;
    }

    public Pool require(UUID id) {
        Pool pool = em.find(Pool.class, id);
        if (pool == null) {
            throw ProblemException.notFound("pool");
        }
        return pool;
    }

    public Page<Pool> list(String name, UUID memberId, PageParams page) {
        return KeysetQuery.of(Pool.class)
                .andIf(name != null && !name.isBlank(), "lower(e.name) = lower(:name)", "name", name == null ? null : name.strip())
                .andIf(memberId != null, "array_contains(e.memberIds, :memberId)", "memberId", memberId)
                .page(em, page);
    }

    /** Views for a page of pools, members loaded in one query. */
    public List<PoolView> views(List<Pool> pools) {
        Set<UUID> ids = pools.stream().flatMap(p -> p.memberIds.stream()).collect(Collectors.toSet());
        Map<UUID, Interviewer> byId = ids.isEmpty() ? Map.of() : em.createQuery(
                        "select i from Interviewer i where i.id in :ids", Interviewer.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Interviewer::getId, Function.identity()));
        return pools.stream().map(p -> new PoolView(p.getId(), p.name, p.description,
                p.memberIds.stream().map(byId::get).filter(java.util.Objects::nonNull)
                        .map(i -> new Member(i.getId(), i.fullName, i.title, i.active)).toList(),
                p.getCreatedAt(), p.getUpdatedAt(), p.getVersion())).toList();
    }

    public PoolView view(Pool pool) {
        return views(List.of(pool)).get(0);
    }

    private void apply(Pool pool, PoolRequest request, UUID exceptId) {
        if (Uniqueness.takenIgnoringCase(em, Pool.class, "name", request.name(), exceptId)) {
            throw ProblemException.conflict("a pool named " + request.name() + " already exists");
        }
        List<UUID> members = new ArrayList<>(new LinkedHashSet<>(request.memberIds()));
        if (!members.isEmpty()) {
            Set<UUID> known = Set.copyOf(em.createQuery("select i.id from Interviewer i where i.id in :ids", UUID.class)
                    .setParameter("ids", members).getResultList());
            for (int i = 0; i < request.memberIds().size(); i++) {
                if (!known.contains(request.memberIds().get(i))) {
                    // Another tenant's interviewer is as unknown as a made-up id.
                    throw ProblemException.unprocessable("memberIds[" + i + "]", "no such interviewer");
                }
            }
        }
        pool.name = request.name().strip();
        pool.description = Text.clean(request.description());
        pool.memberIds = members;
    }
}
