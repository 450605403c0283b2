package dev.secondround.candidate.testsupport;

import dev.secondround.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL (embedded unless
 * TEST_PG_ADMIN_URL names one) and verifies really signed tokens against the OIDC WireMock server.
 * The annotations apply to the whole test run; this class only carries them.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "candidate"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
