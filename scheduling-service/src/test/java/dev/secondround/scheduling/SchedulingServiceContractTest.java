package dev.secondround.scheduling;

import dev.secondround.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

/** The platform-wide service contract (health, OpenAPI, token checks) for the scheduling service. */
@QuarkusTest
class SchedulingServiceContractTest extends ServiceContractTest {

    @Override
    protected String audience() {
        return "scheduling-service";
    }
}
