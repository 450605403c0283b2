package dev.secondround.feedback.testsupport;

import dev.secondround.testing.CandidateServiceTestResource;
import dev.secondround.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real PostgreSQL, really verified tokens and the real candidate service (its packaged jar, its own
 * database, the same test tokens) for every {@code @QuarkusTest} of this module.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "feedback"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(CandidateServiceTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
