package dev.secondround.localstack.deploy;

import static dev.secondround.localstack.deploy.Kustomize.at;
import static dev.secondround.localstack.deploy.Kustomize.map;
import static dev.secondround.localstack.deploy.Kustomize.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml as Compose would read it (anchors and merge keys resolved, ${VAR:-default} taken at
 * its default): what someone running `docker compose up` would notice. There is no Docker engine on the
 * machines this runs on, so this is what checks the file.
 */
class DockerComposeFileTest {

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-([^${}]*)}");

    @Test
    void everyContainerHasAHealthCheckAndStartsOnlyWhenWhatItNeedsIsHealthy() {
        Map<String, Object> services = services();
        List<String> problems = new ArrayList<>();
        services.forEach((name, value) -> {
            Map<String, Object> service = map(value);
            List<String> test = strings(at(service, "healthcheck", "test"));
            if (test.isEmpty() || test.get(0).equals("NONE") || Boolean.TRUE.equals(at(service, "healthcheck", "disable"))) {
                problems.add(name + " has no health check");
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof List<?>) {
                problems.add(name + ": depends_on as a list waits for start, not health");
            }
            map(dependsOn).forEach((dependency, condition) -> {
                if (!services.containsKey(dependency)) {
                    problems.add(name + " depends on " + dependency + ", which is not a service");
                }
                if (!"service_healthy".equals(map(condition).get("condition"))) {
                    problems.add(name + " → " + dependency + ": condition is not service_healthy");
                }
            });
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void eachServiceWaitsForEverythingItsConfigurationPointsAt() {
        Map<String, Object> services = services();
        List<String> problems = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            Map<String, Object> definition = map(services.get(service));
            Map<String, Object> environment = map(definition.get("environment"));
            Set<String> needed = new TreeSet<>();
            List<String> variables = new ArrayList<>(List.of("DB_URL", "OIDC_AUTH_SERVER_URL"));
            Repo.calls(service).forEach(called -> variables.add(called.replace("-service", "").toUpperCase() + "_SERVICE_URL"));
            for (String variable : variables) {
                Object url = environment.get(variable);
                if (url == null) {
                    problems.add(service + ": " + variable + " is not set");
                    continue;
                }
                String value = String.valueOf(url);
                needed.add(URI.create(value.startsWith("jdbc:") ? value.substring(5) : value).getHost());
            }
            Set<String> waitsFor = map(definition.get("depends_on")).keySet();
            needed.stream().filter(host -> !waitsFor.contains(host))
                    .forEach(host -> problems.add(service + " uses " + host + " but does not wait for it to be healthy"));
            for (String variable : environment.keySet()) {
                if (!Repo.isRead(variable)) {
                    problems.add(service + " is given " + variable + ", which it never reads");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theServicesAreBuiltFromTheirDockerfilesAndCheckTheirReadiness() {
        Map<String, Object> services = services();
        for (String service : Repo.SERVICES) {
            Map<String, Object> definition = map(services.get(service));
            Path context = Repo.ROOT.resolve(String.valueOf(at(definition, "build", "context"))).normalize();
            Path dockerfile = context.resolve(String.valueOf(at(definition, "build", "dockerfile")));
            assertEquals(Repo.ROOT.resolve(service), context, service + " is built from its own module");
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
            String text = Kustomize.read(dockerfile);
            assertTrue(text.contains("target/quarkus-app/lib/") && text.contains("quarkus-run.jar"), service + " runs the fast-jar build");
            assertTrue(text.lines().anyMatch(l -> l.matches("USER\\s+185(:185)?")), service + " runs as the non-root user 185");
            String port = String.valueOf(map(services.get(service)).get("ports")).replaceAll(".*:(\\d+)]$", "$1");
            String healthcheck = String.join(" ", strings(at(definition, "healthcheck", "test")));
            assertTrue(healthcheck.contains("/q/health/ready") && healthcheck.contains("/dev/tcp/127.0.0.1/" + port),
                    service + " is healthy when its readiness endpoint on port " + port + " says so: " + healthcheck);
        }
    }

    /** The services of docker-compose.yml with every ${VAR:-default} at its default. */
    private static Map<String, Object> services() {
        String text = Kustomize.read(Repo.ROOT.resolve("docker-compose.yml"));
        String previous;
        do {
            previous = text;
            Matcher m = DEFAULTED.matcher(text);
            text = m.replaceAll(r -> Matcher.quoteReplacement(r.group(2)));
        } while (!text.equals(previous));
        assertTrue(!text.contains("${"), "every variable in docker-compose.yml has a default");
        Map<String, Object> compose = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
        return map(compose.get("services"));
    }
}
