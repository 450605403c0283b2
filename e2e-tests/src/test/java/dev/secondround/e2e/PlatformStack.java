package dev.secondround.e2e;

import dev.secondround.testing.RealPostgres;
import dev.secondround.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole platform as it runs in production, on this machine, once per test JVM: embedded PostgreSQL
 * (a database per service, owner and application roles as in deploy/postgres/init.sql), Keycloak with the
 * committed realm, and the three services from their packaged jars ({@code <service>/target/quarkus-app},
 * built by the reactor before this module), configured through the same variables as ./run-local (the
 * database through the same properties as the services' own tests).
 * Nothing is mocked; the services call each other and Keycloak for real.
 */
final class PlatformStack {

    private static PlatformStack running;

    final KeycloakServer keycloak;
    final String candidateUrl;
    final String schedulingUrl;
    final String feedbackUrl;

    private PlatformStack(KeycloakServer keycloak, String candidateUrl, String schedulingUrl, String feedbackUrl) {
        this.keycloak = keycloak;
        this.candidateUrl = candidateUrl;
        this.schedulingUrl = schedulingUrl;
        this.feedbackUrl = feedbackUrl;
    }

    static synchronized PlatformStack get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static PlatformStack start() {
        RealPostgres.start();
        KeycloakServer keycloak = KeycloakServer.start(Path.of(System.getProperty("keycloak.home")),
                Path.of(System.getProperty("keycloak.realm")), Duration.ofSeconds(180));
        // Every service must know the others' addresses before the first one starts.
        int[] ports = ServiceProcess.freePorts(3);
        int candidatePort = ports[0];
        int schedulingPort = ports[1];
        int feedbackPort = ports[2];
        String candidateUrl = "http://localhost:" + candidatePort;
        String schedulingUrl = "http://localhost:" + schedulingPort;
        String feedbackUrl = "http://localhost:" + feedbackPort;

        Map<String, String> common = new HashMap<>();
        common.put("OIDC_AUTH_SERVER_URL", keycloak.issuer());
        common.put("CANDIDATE_SERVICE_URL", candidateUrl);
        common.put("SCHEDULING_SERVICE_URL", schedulingUrl);
        common.put("FEEDBACK_SERVICE_URL", feedbackUrl);
        common.put("FEEDBACK_PUBLIC_URL", feedbackUrl);
        // Background work for a tenant signs in as that tenant's service client (the realm's demo secrets).
        common.put("platform.service-token.clients.ambrion.client-id", "ambrion-services");
        common.put("platform.service-token.clients.ambrion.secret", "ambrion-services-secret");
        common.put("platform.service-token.clients.northwind.client-id", "northwind-services");
        common.put("platform.service-token.clients.northwind.secret", "northwind-services-secret");
        // The outboxes relay every second instead of every ten: the story waits for them several times.
        common.put("scheduling.outbox.every", "1s");
        common.put("feedback.outbox.every", "1s");
        common.put("scheduling.outbox.delay", "1s");
        common.put("feedback.outbox.delay", "1s");

        Duration startTimeout = Duration.ofSeconds(120);
        ServiceProcess.start("candidate-service", candidatePort, with(common, database("candidate")), startTimeout);
        ServiceProcess.start("scheduling-service", schedulingPort, with(common, database("scheduling")), startTimeout);
        ServiceProcess.start("feedback-service", feedbackPort, with(common, database("feedback")), startTimeout);
        return new PlatformStack(keycloak, candidateUrl, schedulingUrl, feedbackUrl);
    }

    private static Map<String, String> database(String service) {
        return RealPostgres.createServiceDatabase(service).quarkusProperties();
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(own);
        return all;
    }
}
