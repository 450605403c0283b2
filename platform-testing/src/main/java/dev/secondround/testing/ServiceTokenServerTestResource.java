package dev.secondround.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives the service under test the test JVM's client-credentials endpoint ({@link TokenServer}) and
 * both tenants' platform service clients, so its background work gets real, verifiable service tokens.
 */
public class ServiceTokenServerTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TokenServer.shared().serviceTokenConfig();
    }

    @Override
    public void stop() {
        // Shared by every suite of this JVM; it stops with the JVM.
    }
}
