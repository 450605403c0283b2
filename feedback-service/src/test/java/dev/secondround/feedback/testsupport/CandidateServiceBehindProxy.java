package dev.secondround.feedback.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The feedback service reaches the candidate service through {@link CandidateServiceProxy}, so a test
 * can take it down or see what was sent; two attempts before an outbox message is FAILED. Suites with
 * this profile share one start.
 */
public class CandidateServiceBehindProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.rest-client.candidate-service.url", CandidateServiceProxy.shared().url(),
                "platform.outbox.max-attempts", "2");
    }
}
