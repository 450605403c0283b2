package dev.secondround.candidate;

import dev.secondround.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

/** The platform-wide service contract (health, OpenAPI, token checks) for the candidate service. */
@QuarkusTest
class CandidateServiceContractTest extends ServiceContractTest {

    @Override
    protected String audience() {
        return "candidate-service";
    }
}
