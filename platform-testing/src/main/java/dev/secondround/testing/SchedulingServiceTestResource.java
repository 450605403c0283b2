package dev.secondround.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real scheduling service for the tests of a service it calls (it tells the feedback service
 * about booked, changed and cancelled loops): the packaged jar in its own JVM with its own database
 * in the same PostgreSQL, verifying the same test tokens ({@link TestTokens}, audience
 * {@code scheduling-service}), calling the real candidate service ({@link CandidateServiceTestResource},
 * started here if no other resource started it yet), getting service tokens from {@link TokenServer},
 * and sending its loops to the application under test: this resource fixes that application's HTTP
 * port ({@code quarkus.http.test-port}) to one chosen up front, since the scheduling process needs
 * the address before the application starts. Its outbox relay runs every second.
 * <p>
 * Gives {@code scheduling-service.url}, {@code candidate-service.url}, {@code quarkus.http.test-port}
 * and the service token settings. One process per test JVM; the port stays the same for every
 * application restart of that JVM.
 */
public class SchedulingServiceTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String AUDIENCE = "scheduling-service";
    private static ServiceProcess process;
    private static RealPostgres.ServiceDatabase database;
    private static int applicationPort;

    @Override
    public Map<String, String> start() {
        ServiceProcess scheduling = ensureStarted();
        TokenServer tokens = TokenServer.shared();
        Map<String, String> config = new HashMap<>(tokens.serviceTokenConfig());
        config.put("scheduling-service.url", scheduling.url());
        config.put("candidate-service.url", CandidateServiceTestResource.ensureStarted().url());
        config.put("quarkus.http.test-port", String.valueOf(applicationPort));
        return config;
    }

    private static synchronized ServiceProcess ensureStarted() {
        if (process == null) {
            ServiceProcess candidates = CandidateServiceTestResource.ensureStarted();
            applicationPort = ServiceProcess.freePort();
            database = RealPostgres.createServiceDatabase("scheduling");
            Map<String, String> properties = CandidateServiceTestResource.verifiesTestTokens(database);
            properties.put("candidate-service.url", candidates.url());
            properties.put("feedback-service.url", "http://localhost:" + applicationPort);
            properties.putAll(TokenServer.shared().serviceTokenConfig());
            // Tests wait for deliveries: relay every second instead of every 10 s.
            properties.put("scheduling.outbox.every", "1s");
            properties.put("scheduling.outbox.delay", "1s");
            process = ServiceProcess.start("scheduling-service", properties, Duration.ofSeconds(90));
        }
        return process;
    }

    /** The running scheduling service, for tests that book loops through its API. */
    public static String url() {
        return process.url();
    }

    /** Its database, for tests that look at what it recorded (e.g. its outbox), as the owner role. */
    public static RealPostgres.ServiceDatabase database() {
        return database;
    }

    /** The port the application under test listens on, as the scheduling service was told. */
    public static int applicationPort() {
        return applicationPort;
    }

    @Override
    public void stop() {
        // The process stops with the test JVM (shutdown hook); later suites of this JVM reuse it.
    }
}
