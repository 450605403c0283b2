package dev.secondround.scheduling.testsupport;

import dev.secondround.testing.CandidateServiceTestResource;
import dev.secondround.testing.PostgresTestResource;
import dev.secondround.testing.ServiceTokenServerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real PostgreSQL, really verified tokens and the real candidate service (its packaged jar, its own
 * database, the same test tokens) for every {@code @QuarkusTest} of this module; service tokens from
 * the test token endpoint, and a receiver recording what is sent to the feedback service.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "scheduling"))
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(CandidateServiceTestResource.class)
@QuarkusTestResource(ServiceTokenServerTestResource.class)
@QuarkusTestResource(FeedbackReceiver.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
