package dev.secondround.candidate.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.secondround.candidate.candidate.Candidate;
import dev.secondround.candidate.testsupport.Api;
import dev.secondround.candidate.testsupport.Pipeline;
import dev.secondround.platform.tenant.CurrentTenant;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The first lock on its own. Inside tenant B's unit of work we deliberately point row-level security
 * at tenant A (as a bug in the interceptor would), so PostgreSQL would return A's row; Hibernate's
 * {@code @TenantId} filter must still hide it. The native count is the control that RLS really let it through.
 */
@QuarkusTest
class TenantDiscriminatorTest {

    @Inject
    EntityManager em;

    @Test
    void hibernateFiltersOtherTenantsRowsEvenWhenRowLevelSecurityWouldLetThemThrough() {
        UUID candidateOfA = UUID.fromString(Pipeline.createCandidate(Api.A));
        asTenant(Api.B, () -> QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select set_config('app.tenant_id', :tenant, true)").setParameter("tenant", Api.A).getSingleResult();
            long visibleToSql = ((Number) em.createNativeQuery("select count(*) from candidate where id = :id")
                    .setParameter("id", candidateOfA).getSingleResult()).longValue();
            assertEquals(1L, visibleToSql, "control: with RLS pointed at A, plain SQL sees A's row");
            assertEquals(0L, em.createQuery("select count(c) from Candidate c where c.id = :id", Long.class)
                    .setParameter("id", candidateOfA).getSingleResult(), "HQL as tenant B must not see A's row");
            assertNull(em.find(Candidate.class, candidateOfA), "find by id as tenant B must not load A's row");
            return null;
        }));
    }

    private static <T> T asTenant(String tenant, Supplier<T> work) {
        var requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Arc.container().instance(CurrentTenant.class).get().useForBackgroundWork(tenant);
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }
}
