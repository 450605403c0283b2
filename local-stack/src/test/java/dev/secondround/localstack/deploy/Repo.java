package dev.secondround.localstack.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the repository is, and what the services' own configuration says they read. */
final class Repo {

    static final Path ROOT = findRoot();
    static final Set<String> SERVICES = Set.of("candidate-service", "scheduling-service", "feedback-service");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /**
     * The environment variables a service reads, as its application.properties and the platform defaults
     * reference them (${NAME:default}); everything else it reads are Quarkus' own QUARKUS_* names.
     */
    static Set<String> environmentRead(String service) {
        Set<String> names = new TreeSet<>();
        for (Path file : new Path[] {ROOT.resolve(service).resolve("src/main/resources/application.properties"),
                ROOT.resolve("platform-commons/src/main/resources/META-INF/microprofile-config.properties")}) {
            Matcher m = ENV_REFERENCE.matcher(Kustomize.read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The other services this one calls: the X_SERVICE_URL variables its REST clients are configured from. */
    static Set<String> calls(String service) {
        Set<String> called = new TreeSet<>();
        for (String name : environmentRead(service)) {
            if (name.endsWith("_SERVICE_URL")) {
                called.add(name.substring(0, name.length() - "_SERVICE_URL".length()).toLowerCase() + "-service");
            }
        }
        return called;
    }

    /** Whether a variable set in a deployment file is one some service reads (catches typos and leftovers). */
    static boolean isRead(String variable) {
        return variable.startsWith("QUARKUS_") || variable.startsWith("PLATFORM_SERVICE_TOKEN_") || variable.startsWith("OTEL_")
                || variable.equals("JAVA_OPTS_APPEND")
                || SERVICES.stream().anyMatch(s -> environmentRead(s).contains(variable));
    }
}
