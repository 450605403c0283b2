package dev.secondround.localstack.deploy;

import static dev.secondround.localstack.deploy.Kustomize.at;
import static dev.secondround.localstack.deploy.Kustomize.map;
import static dev.secondround.localstack.deploy.Kustomize.maps;
import static dev.secondround.localstack.deploy.Kustomize.name;
import static dev.secondround.localstack.deploy.Kustomize.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.secondround.localstack.deploy.Cluster.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What an operator would notice about deploy/kubernetes, checked on each overlay as it renders (with a
 * small kustomize of its own, see {@link Kustomize}: no kubectl needed): pods that are never marked ready
 * or restarted, unbounded or privileged containers, autoscalers and budgets aimed at nothing, calls the
 * NetworkPolicies drop (who calls whom is read from the services' own configuration), configuration keys
 * that do not exist, tokens whose issuer the services reject, and a production realm that drifted from
 * the one the tests and demo use.
 */
class KubernetesManifestsTest {

    private static final Path OVERLAYS = Repo.ROOT.resolve("deploy/kubernetes/overlays");

    private static Cluster render(String overlay) {
        return new Cluster(OVERLAYS.resolve(overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyWorkloadIsProbedBoundedAndUnprivileged(String overlay) {
        Cluster cluster = render(overlay);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : cluster.workloads()) {
            String where = workload.get("kind") + " " + name(workload);
            Map<String, Object> pod = map(at(workload, "spec", "template", "spec"));
            for (Map<String, Object> container : maps(pod.get("containers"))) {
                Endpoint endpoint = cluster.podOf(workload);
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    Map<String, Object> spec = map(container.get(probe));
                    if (spec.isEmpty()) {
                        problems.add(where + ": no " + probe);
                    } else if (spec.containsKey("httpGet")) {
                        String path = (String) at(spec, "httpGet", "path");
                        String expected = probe.equals("readinessProbe") ? "/health/ready" : "/health/live";
                        if (path == null || !path.endsWith(expected)) {
                            problems.add(where + ": " + probe + " asks " + path + ", not the " + expected + " endpoint");
                        }
                        if (endpoint.port(at(spec, "httpGet", "port")).isEmpty()) {
                            problems.add(where + ": " + probe + " port " + at(spec, "httpGet", "port") + " is not a container port");
                        }
                    } else if ("Deployment".equals(workload.get("kind"))) {
                        problems.add(where + ": " + probe + " does not ask a health endpoint over HTTP");
                    }
                }
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (at(container, "resources", bound, resource) == null) {
                            problems.add(where + ": no " + resource + " " + bound);
                        }
                    }
                }
                boolean nonRoot = Boolean.TRUE.equals(at(container, "securityContext", "runAsNonRoot"))
                        || Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"));
                if (!nonRoot) {
                    problems.add(where + ": may run as root (runAsNonRoot is not set)");
                }
                if (!Boolean.FALSE.equals(at(container, "securityContext", "allowPrivilegeEscalation"))
                        || !strings(at(container, "securityContext", "capabilities", "drop")).contains("ALL")) {
                    problems.add(where + ": privilege escalation allowed or capabilities kept");
                }
                if (Repo.SERVICES.contains(name(workload))) {
                    if (container.get("startupProbe") == null) {
                        problems.add(where + ": no startupProbe (Flyway migrates before the port opens; liveness would kill it)");
                    }
                    if (!Boolean.TRUE.equals(at(container, "securityContext", "readOnlyRootFilesystem"))) {
                        problems.add(where + ": root filesystem is writable");
                    }
                    boolean tmpIsEmptyDir = maps(container.get("volumeMounts")).stream()
                            .filter(m -> "/tmp".equals(m.get("mountPath")))
                            .anyMatch(m -> maps(pod.get("volumes")).stream()
                                    .anyMatch(v -> v.get("name").equals(m.get("name")) && v.containsKey("emptyDir")));
                    if (!tmpIsEmptyDir) {
                        problems.add(where + ": no writable /tmp (emptyDir) beside the read-only root filesystem");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Repo.SERVICES, cluster.apis().stream().map(Kustomize::name).collect(Collectors.toSet()), "the three services are deployed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void autoscalersBudgetsServicesAndIngressTargetPodsThatExist(String overlay) {
        Cluster cluster = render(overlay);
        List<String> problems = new ArrayList<>();
        Set<String> deployments = cluster.all("Deployment").stream().map(Kustomize::name).collect(Collectors.toSet());
        Set<String> autoscaled = new HashSet<>();
        for (Map<String, Object> hpa : cluster.all("HorizontalPodAutoscaler")) {
            Map<String, Object> target = map(at(hpa, "spec", "scaleTargetRef"));
            if (!"Deployment".equals(target.get("kind")) || !deployments.contains(target.get("name"))) {
                problems.add("HPA " + name(hpa) + " scales " + target + ", which does not exist");
            }
            autoscaled.add((String) target.get("name"));
            if (((Integer) at(hpa, "spec", "minReplicas")) > (Integer) at(hpa, "spec", "maxReplicas")) {
                problems.add("HPA " + name(hpa) + ": minReplicas above maxReplicas");
            }
        }
        Set<String> budgeted = new HashSet<>();
        for (Map<String, Object> pdb : cluster.all("PodDisruptionBudget")) {
            List<Endpoint> pods = cluster.selected(map(at(pdb, "spec", "selector")));
            if (pods.isEmpty()) {
                problems.add("PDB " + name(pdb) + " selects no pods");
            }
            pods.forEach(p -> budgeted.add(name(cluster.workloadOf.get(p))));
        }
        for (Map<String, Object> api : cluster.apis()) {
            if (!autoscaled.contains(name(api))) {
                problems.add(name(api) + " has no HorizontalPodAutoscaler");
            }
            if (!budgeted.contains(name(api))) {
                problems.add(name(api) + " has no PodDisruptionBudget");
            }
            if (at(api, "spec", "replicas") != null) {
                problems.add(name(api) + " sets replicas, which every apply would reset under its autoscaler");
            }
        }
        for (Map<String, Object> service : cluster.all("Service")) {
            List<Endpoint> pods = cluster.selected(map(at(service, "spec", "selector")));
            if (pods.isEmpty()) {
                problems.add("Service " + name(service) + " selects no pods");
            }
            for (Map<String, Object> port : maps(at(service, "spec", "ports"))) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                pods.stream().filter(p -> p.port(target).isEmpty())
                        .forEach(p -> problems.add("Service " + name(service) + " targets port " + target + ", which " + p.description() + " lacks"));
            }
        }
        for (Map<String, Object> ingress : cluster.all("Ingress")) {
            for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
                    Map<String, Object> backend = map(at(path, "backend", "service"));
                    Map<String, Object> service = cluster.services.get((String) backend.get("name"));
                    if (service == null) {
                        problems.add("Ingress " + rule.get("host") + path.get("path") + " → Service " + backend.get("name") + ", which does not exist");
                        continue;
                    }
                    Object port = at(backend, "port", "name") != null ? at(backend, "port", "name") : at(backend, "port", "number");
                    boolean exists = maps(at(service, "spec", "ports")).stream().anyMatch(p -> port.equals(p.get("name")) || port.equals(p.get("port")));
                    if (!exists) {
                        problems.add("Ingress " + rule.get("host") + path.get("path") + " → port " + port + " of " + backend.get("name") + ", which it lacks");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void networkPoliciesLetThroughExactlyTheCallsTheServicesMake(String overlay) {
        Cluster cluster = render(overlay);
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = cluster.all("NetworkPolicy").stream().anyMatch(p -> map(at(p, "spec", "podSelector")).isEmpty()
                && strings(at(p, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && at(p, "spec", "ingress") == null && at(p, "spec", "egress") == null);
        assertTrue(defaultDeny, "a default-deny policy (every pod, ingress and egress, no rules)");

        Endpoint ingressController = new Endpoint("the ingress controller", "ingress-nginx", Map.of(), List.of());
        Endpoint prometheus = new Endpoint("Prometheus", "monitoring", Map.of(), List.of());
        Endpoint dns = new Endpoint("cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"), List.of(Map.of("name", "dns", "containerPort", 53)));
        for (Endpoint pod : cluster.pods) {
            if (cluster.workloadOf.containsKey(pod) && !cluster.allowed(pod, dns, 53, "UDP")) {
                problems.add(pod.description() + " cannot resolve names (DNS egress)");
            }
        }
        Map<String, Endpoint> apis = new LinkedHashMap<>();
        cluster.apis().forEach(api -> apis.put(name(api), cluster.podOf(api)));
        for (Map.Entry<String, Endpoint> api : apis.entrySet()) {
            Endpoint pod = api.getValue();
            if (!cluster.allowed(ingressController, pod, "http", "TCP")) {
                problems.add(api.getKey() + " is unreachable from the ingress controller");
            }
            if (!cluster.allowed(prometheus, pod, "http", "TCP")) {
                problems.add(api.getKey() + "'s /q/metrics is unreachable from Prometheus");
            }
            Map<String, String> config = environment(cluster, cluster.apis().stream().filter(d -> name(d).equals(api.getKey())).findFirst().orElseThrow());
            Set<String> calls = Repo.calls(api.getKey());
            List<String> urls = new ArrayList<>(List.of("DB_URL", "OIDC_AUTH_SERVER_URL"));
            calls.forEach(called -> urls.add(called.replace("-service", "").toUpperCase() + "_SERVICE_URL"));
            for (String variable : urls) {
                String url = config.get(variable);
                if (url == null) {
                    problems.add(api.getKey() + ": " + variable + " is not set");
                    continue;
                }
                var target = cluster.resolve(url);
                if (target.isEmpty()) {
                    problems.add(api.getKey() + ": " + variable + "=" + url + " names no Service of this overlay");
                    continue;
                }
                if (target.get().pods().isEmpty()) {
                    problems.add(api.getKey() + ": Service " + target.get().service() + " (" + variable + ") selects no pods");
                }
                for (Endpoint to : target.get().pods()) {
                    if (!cluster.allowed(pod, to, target.get().targetPort(), "TCP")) {
                        problems.add(api.getKey() + " → " + to.description() + " (" + variable + ") is blocked by the NetworkPolicies");
                    }
                }
            }
            // Deny by default must hold: no service reaches another it does not call.
            for (Map.Entry<String, Endpoint> other : apis.entrySet()) {
                if (!other.getKey().equals(api.getKey()) && !calls.contains(other.getKey())
                        && cluster.allowed(pod, other.getValue(), "http", "TCP")) {
                    problems.add(api.getKey() + " may call " + other.getKey() + ", which it never does");
                }
            }
        }
        for (Map<String, Object> keycloak : cluster.all("Keycloak")) {
            String host = (String) at(keycloak, "spec", "db", "host");
            Endpoint kc = cluster.pods.stream().filter(p -> p.description().equals("Keycloak " + name(keycloak))).findFirst().orElseThrow();
            var database = cluster.resolve("jdbc:postgresql://" + host + ":5432/keycloak").orElseThrow(() -> new AssertionError("Keycloak's database host " + host));
            database.pods().stream().filter(db -> !cluster.allowed(kc, db, database.targetPort(), "TCP"))
                    .forEach(db -> problems.add("Keycloak cannot reach its database " + db.description()));
            if (!cluster.allowed(ingressController, kc, "http", "TCP")) {
                problems.add("Keycloak is unreachable from the ingress controller");
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyReferencedConfigMapSecretAndKeyExists(String overlay) {
        Cluster cluster = render(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        cluster.all("ConfigMap").forEach(c -> configMaps.put(name(c), map(c.get("data")).keySet()));
        Map<String, Set<String>> secrets = new HashMap<>(); // null key set: any key (the store decides)
        for (Map<String, Object> secret : cluster.all("Secret")) {
            Set<String> keys = new TreeSet<>(map(secret.get("data")).keySet());
            keys.addAll(map(secret.get("stringData")).keySet());
            secrets.put(name(secret), keys);
        }
        for (Map<String, Object> external : cluster.all("ExternalSecret")) {
            String target = at(external, "spec", "target", "name") != null ? (String) at(external, "spec", "target", "name") : name(external);
            Set<String> keys = new TreeSet<>(map(at(external, "spec", "target", "template", "data")).keySet());
            maps(at(external, "spec", "data")).forEach(d -> keys.add((String) d.get("secretKey")));
            secrets.put(target, at(external, "spec", "dataFrom") != null ? null : keys);
        }
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : cluster.workloads()) {
            String where = workload.get("kind") + " " + name(workload);
            Map<String, Object> pod = map(at(workload, "spec", "template", "spec"));
            for (Map<String, Object> container : maps(pod.get("containers"))) {
                for (Map<String, Object> env : maps(container.get("env"))) {
                    check(problems, where + " env " + env.get("name"), configMaps, map(at(env, "valueFrom", "configMapKeyRef")));
                    check(problems, where + " env " + env.get("name"), secrets, map(at(env, "valueFrom", "secretKeyRef")));
                }
                for (Map<String, Object> from : maps(container.get("envFrom"))) {
                    check(problems, where + " envFrom", configMaps, map(from.get("configMapRef")));
                    check(problems, where + " envFrom", secrets, map(from.get("secretRef")));
                }
            }
            for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                check(problems, where + " volume " + volume.get("name"), configMaps, map(volume.get("configMap")));
                Map<String, Object> secretVolume = map(volume.get("secret"));
                if (!secretVolume.isEmpty()) {
                    check(problems, where + " volume " + volume.get("name"), secrets, Map.of("name", secretVolume.get("secretName")));
                }
            }
        }
        for (Map<String, Object> db : cluster.all("Cluster")) {
            for (Map<String, Object> role : maps(at(db, "spec", "managed", "roles"))) {
                Map<String, Object> ref = map(role.get("passwordSecret"));
                check(problems, "database role " + role.get("name"), secrets, Map.of("name", ref.get("name"), "key", "password"));
                check(problems, "database role " + role.get("name"), secrets, Map.of("name", ref.get("name"), "key", "username"));
            }
        }
        for (Map<String, Object> keycloak : cluster.all("Keycloak")) {
            check(problems, "Keycloak database user", secrets, map(at(keycloak, "spec", "db", "usernameSecret")));
            check(problems, "Keycloak database password", secrets, map(at(keycloak, "spec", "db", "passwordSecret")));
        }
        for (Map<String, Object> realmImport : cluster.all("KeycloakRealmImport")) {
            if (cluster.find("Keycloak", (String) at(realmImport, "spec", "keycloakCRName")).isEmpty()) {
                problems.add("KeycloakRealmImport " + name(realmImport) + " names a Keycloak that does not exist");
            }
        }
        for (Map.Entry<String, Set<String>> config : configMaps.entrySet()) {
            config.getValue().stream().filter(k -> k.matches("[A-Z][A-Z0-9_]*") && !Repo.isRead(k))
                    .forEach(k -> problems.add("ConfigMap " + config.getKey() + " sets " + k + ", which no service reads"));
        }
        assertEquals(List.of(), problems);
    }

    private static void check(List<String> problems, String where, Map<String, Set<String>> existing, Map<String, Object> ref) {
        if (ref.isEmpty() || Boolean.TRUE.equals(ref.get("optional"))) {
            return;
        }
        String name = (String) ref.get("name");
        if (!existing.containsKey(name)) {
            problems.add(where + ": " + name + " does not exist");
        } else if (ref.get("key") != null && existing.get(name) != null && !existing.get(name).contains(ref.get("key"))) {
            problems.add(where + ": " + name + " has no key " + ref.get("key"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void tokensCarryTheIssuerTheServicesAccept(String overlay) {
        Cluster cluster = render(overlay);
        String frontEnd = cluster.find("Keycloak", "keycloak").map(k -> (String) at(k, "spec", "hostname", "hostname"))
                .orElseGet(() -> cluster.find("Deployment", "keycloak").stream()
                        .flatMap(d -> maps(at(d, "spec", "template", "spec", "containers")).stream())
                        .flatMap(c -> strings(c.get("args")).stream()).filter(a -> a.startsWith("--hostname="))
                        .map(a -> a.substring("--hostname=".length())).findFirst().orElse(null));
        assertNotNull(frontEnd, "Keycloak's front-end URL is fixed (else the issuer depends on how a token was fetched)");
        for (Map<String, Object> api : cluster.apis()) {
            Map<String, String> config = environment(cluster, api);
            assertEquals(frontEnd + "/realms/secondround", config.get("QUARKUS_OIDC_TOKEN_ISSUER"), name(api) + " checks the issuer Keycloak puts in tokens");
            assertTrue(config.get("OIDC_AUTH_SERVER_URL").endsWith("/realms/secondround"), name(api) + " fetches the secondround realm's keys");
        }
    }

    @Test
    void productionCommitsNoSecretValues() {
        Cluster cluster = render("production");
        assertEquals(List.of(), cluster.all("Secret").stream().map(Kustomize::name).toList(), "Secrets come from the store (ExternalSecrets)");
        assertFalse(cluster.all("ExternalSecret").isEmpty());
        for (Map<String, Object> external : cluster.all("ExternalSecret")) {
            map(at(external, "spec", "target", "template", "data")).forEach((key, value) -> {
                if (key.equals("password")) {
                    assertTrue(String.valueOf(value).contains("{{"), name(external) + ": the password comes from the store, not from here");
                }
            });
        }
    }

    @Test
    void productionRunsReleasedImagesFromARegistry() {
        for (Map<String, Object> api : render("production").apis()) {
            String image = (String) maps(at(api, "spec", "template", "spec", "containers")).get(0).get("image");
            assertTrue(image.contains("/" + name(api) + ":") && image.indexOf('/') < image.indexOf("/" + name(api))
                    && !image.endsWith(":local") && !image.endsWith(":latest"), name(api) + " runs a tagged release from a registry: " + image);
        }
    }

    @Test
    void productionRealmKeepsTheDemoRealmsRolesProfileAndTokenMappersWithoutItsUsersAndSecrets() {
        Map<String, Object> demo = map(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Kustomize.read(Repo.ROOT.resolve("deploy/keycloak/secondround-realm.json"))));
        Map<String, Object> production = map(at(render("production").all("KeycloakRealmImport").get(0), "spec", "realm"));

        assertEquals(demo.get("realm"), production.get("realm"));
        assertEquals(roleNames(demo), roleNames(production), "same realm roles (the services' @RolesAllowed)");
        assertEquals(demo.get("components"), production.get("components"), "same user profile (the tenant attribute)");
        assertNull(production.get("users"), "no demo users");
        Map<String, Map<String, Object>> demoClients = clients(demo);
        Map<String, Map<String, Object>> clients = clients(production);
        for (String service : Repo.SERVICES) {
            assertEquals(Boolean.TRUE, map(clients.get(service)).get("bearerOnly"), service + " exists as a resource server (the token audience)");
        }
        assertEquals(mappers(demoClients.get("swagger-ui")), mappers(clients.get("swagger-ui")), "Swagger UI tokens carry tenant, groups and audiences");
        for (Map<String, Object> client : clients.values()) {
            assertNull(client.get("secret"), client.get("clientId") + " has no committed secret");
            assertFalse(Boolean.TRUE.equals(client.get("directAccessGrantsEnabled")), client.get("clientId") + " allows no password grant");
            strings(client.get("redirectUris")).forEach(uri -> assertTrue(uri.startsWith("https://"), uri));
        }
        assertFalse(clients.keySet().stream().anyMatch(id -> id.endsWith("-ats") || id.endsWith("-services")), "no demo tenant clients");
    }

    private static Set<Object> roleNames(Map<String, Object> realm) {
        return maps(at(realm, "roles", "realm")).stream().map(r -> r.get("name")).collect(Collectors.toSet());
    }

    private static Map<String, Map<String, Object>> clients(Map<String, Object> realm) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        maps(realm.get("clients")).forEach(c -> byId.put((String) c.get("clientId"), c));
        return byId;
    }

    private static Object mappers(Map<String, Object> client) {
        return maps(client.get("protocolMappers")).stream().map(m -> List.of(m.get("protocolMapper"), m.get("config"))).collect(Collectors.toSet());
    }

    private static void assertNull(Object value, String message) {
        if (value != null) {
            fail(message + ": " + value);
        }
    }

    /** A container's environment from plain values and ConfigMaps (Secrets are not needed by the checks). */
    private static Map<String, String> environment(Cluster cluster, Map<String, Object> deployment) {
        Map<String, String> env = new HashMap<>();
        Map<String, Object> container = maps(at(deployment, "spec", "template", "spec", "containers")).get(0);
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            String configMap = (String) at(from, "configMapRef", "name");
            if (configMap != null) {
                cluster.find("ConfigMap", configMap).ifPresent(c -> map(c.get("data")).forEach((k, v) -> env.put(k, String.valueOf(v))));
            }
        }
        for (Map<String, Object> variable : maps(container.get("env"))) {
            if (variable.get("value") != null) {
                env.put((String) variable.get("name"), String.valueOf(variable.get("value")));
            }
        }
        return env;
    }
}
