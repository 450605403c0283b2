package dev.secondround.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} suite a real PostgreSQL: migrations run as the schema owner, the
 * service connects as the application role, exactly as in production. Init arg {@code service}
 * names the service (its roles are {@code <service>_owner} and {@code <service>_app}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static RealPostgres.ServiceDatabase database;
    private String service = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        synchronized (PostgresTestResource.class) {
            if (database == null) {
                database = RealPostgres.createServiceDatabase(service);
            }
        }
        return database.quarkusProperties();
    }

    /** The database of this test JVM, for tests that check what really reached PostgreSQL. */
    public static RealPostgres.ServiceDatabase database() {
        return database;
    }

    @Override
    public void stop() {
        // The embedded server stops with the JVM; the database is throw-away.
    }
}
