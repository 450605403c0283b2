package dev.secondround.feedback.testsupport;

import dev.secondround.testing.CandidateServiceTestResource;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.ServiceTokenServerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real PostgreSQL, really verified tokens, the real candidate service (its packaged jar, its own
 * database, the same test tokens) and a client-credentials endpoint for the service's own tokens
 * (decisions applied from the outbox) for every {@code @QuarkusTest} of this module.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "feedback"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(CandidateServiceTestResource.class)
@QuarkusTestResource(ServiceTokenServerTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
