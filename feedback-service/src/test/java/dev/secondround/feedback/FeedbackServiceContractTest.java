package dev.secondround.feedback;

import dev.secondround.testing.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

/** The platform-wide service contract (health, OpenAPI, token checks) for the feedback service. */
@QuarkusTest
class FeedbackServiceContractTest extends ServiceContractTest {

    @Override
    protected String audience() {
        return "feedback-service";
    }
}
