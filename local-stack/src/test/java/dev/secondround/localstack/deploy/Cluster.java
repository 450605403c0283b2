package dev.secondround.localstack.deploy;

import static dev.secondround.localstack.deploy.Kustomize.at;
import static dev.secondround.localstack.deploy.Kustomize.map;
import static dev.secondround.localstack.deploy.Kustomize.maps;
import static dev.secondround.localstack.deploy.Kustomize.name;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rendered overlay as a cluster would see it: its workloads' pods, its Services, and what its
 * NetworkPolicies let through. Operator-managed pods and Services (CloudNativePG's instances and
 * {@code <cluster>-rw}, the Keycloak Operator's pods and {@code <name>-service}) are derived from their
 * custom resources by the operators' documented naming and labelling, since nothing renders them.
 */
final class Cluster {

    /** A pod (or a party outside the namespace) that sends or receives traffic. */
    record Endpoint(String description, String namespace, Map<String, Object> labels, List<Map<String, Object>> ports) {

        Map<String, Object> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        /** A container port by name or number. */
        Optional<Integer> port(Object nameOrNumber) {
            if (nameOrNumber instanceof Integer number) {
                return Optional.of(number);
            }
            return ports.stream().filter(p -> nameOrNumber.equals(p.get("name"))).map(p -> (Integer) p.get("containerPort")).findFirst();
        }
    }

    final String namespace;
    final List<Map<String, Object>> objects;
    final List<Endpoint> pods = new ArrayList<>();
    final Map<Endpoint, Map<String, Object>> workloadOf = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> services = new LinkedHashMap<>();

    Cluster(Path overlay) {
        this.objects = Kustomize.render(overlay);
        this.namespace = (String) Kustomize.kustomization(overlay).getOrDefault("namespace", "default");
        for (Map<String, Object> object : objects) {
            switch ((String) object.get("kind")) {
                case "Deployment", "StatefulSet" -> {
                    Map<String, Object> template = map(at(object, "spec", "template"));
                    List<Map<String, Object>> ports = new ArrayList<>();
                    maps(at(template, "spec", "containers")).forEach(c -> ports.addAll(maps(c.get("ports"))));
                    Endpoint pod = new Endpoint(object.get("kind") + " " + name(object), namespace, map(at(template, "metadata", "labels")), ports);
                    pods.add(pod);
                    workloadOf.put(pod, object);
                }
                case "Service" -> services.put(name(object), object);
                case "Cluster" -> { // CloudNativePG
                    String cluster = name(object);
                    pods.add(new Endpoint("PostgreSQL instance of " + cluster, namespace,
                            Map.of("cnpg.io/cluster", cluster, "cnpg.io/podRole", "instance"),
                            List.of(Map.of("name", "postgresql", "containerPort", 5432), Map.of("name", "metrics", "containerPort", 9187))));
                    services.put(cluster + "-rw", service(cluster + "-rw", Map.of("cnpg.io/cluster", cluster), 5432));
                }
                case "Keycloak" -> { // Keycloak Operator
                    String keycloak = name(object);
                    Map<String, Object> labels = Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak,
                            "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/component", "server");
                    pods.add(new Endpoint("Keycloak " + keycloak, namespace, labels,
                            List.of(Map.of("name", "http", "containerPort", 8080), Map.of("name", "management", "containerPort", 9000))));
                    services.put(keycloak + "-service", service(keycloak + "-service",
                            Map.of("app.kubernetes.io/instance", keycloak, "app.kubernetes.io/managed-by", "keycloak-operator"), 8080));
                }
                default -> {
                }
            }
        }
    }

    private static Map<String, Object> service(String name, Map<String, Object> selector, int port) {
        return Map.of("kind", "Service", "metadata", Map.of("name", name),
                "spec", Map.of("selector", selector, "ports", List.of(Map.of("name", "http", "port", port, "targetPort", port))));
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    /** Everything that runs pods we configure: Deployments and StatefulSets. */
    List<Map<String, Object>> workloads() {
        return objects.stream().filter(o -> "Deployment".equals(o.get("kind")) || "StatefulSet".equals(o.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    /** The service Deployments (the three APIs). */
    List<Map<String, Object>> apis() {
        return all("Deployment").stream().filter(d -> Repo.SERVICES.contains(name(d))).toList();
    }

    Endpoint podOf(Map<String, Object> workload) {
        return workloadOf.entrySet().stream().filter(e -> e.getValue() == workload).map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** The pods a selector picks, operator-managed ones included. */
    List<Endpoint> selected(Map<String, Object> selector) {
        return pods.stream().filter(p -> Selectors.matches(selector, p.labels())).toList();
    }

    /**
     * Where a URL from the configuration leads inside the namespace: the pods behind the Service its host
     * names, with the container port its port maps to; empty when no Service of that name exists.
     */
    Optional<Target> resolve(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        String serviceName = uri.getHost().split("\\.")[0];
        Map<String, Object> service = services.get(serviceName);
        if (service == null) {
            return Optional.empty();
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        Map<String, Object> servicePort = maps(at(service, "spec", "ports")).stream().filter(p -> Integer.valueOf(port).equals(p.get("port")))
                .findFirst().orElseThrow(() -> new AssertionError(url + ": Service " + serviceName + " has no port " + port));
        Object targetPort = servicePort.getOrDefault("targetPort", port);
        return Optional.of(new Target(serviceName, selected(map(at(service, "spec", "selector"))), targetPort));
    }

    record Target(String service, List<Endpoint> pods, Object targetPort) {
    }

    // ------------------------------------------------------------------ NetworkPolicy evaluation

    /** Whether the policies let {@code from} open a TCP (or UDP) connection to {@code to} on a container port. */
    boolean allowed(Endpoint from, Endpoint to, Object port, String protocol) {
        int number = to.port(port).orElseThrow(() -> new AssertionError(to.description() + " has no port " + port));
        return permits(from, to, number, protocol, "Egress", from) && permits(from, to, number, protocol, "Ingress", to);
    }

    private boolean permits(Endpoint from, Endpoint to, int port, String protocol, String direction, Endpoint subject) {
        List<Map<String, Object>> policies = all("NetworkPolicy").stream()
                .filter(p -> namespace.equals(subject.namespace()))
                .filter(p -> Selectors.matches(map(at(p, "spec", "podSelector")), subject.labels()))
                .filter(p -> types(p).contains(direction)).toList();
        if (policies.isEmpty()) {
            return true; // not isolated in this direction
        }
        Endpoint peer = direction.equals("Egress") ? to : from;
        String rulesField = direction.equals("Egress") ? "egress" : "ingress";
        String peersField = direction.equals("Egress") ? "to" : "from";
        for (Map<String, Object> policy : policies) {
            for (Map<String, Object> rule : maps(at(policy, "spec", rulesField))) {
                if (peerMatches(maps(rule.get(peersField)), peer) && portMatches(maps(rule.get("ports")), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> types(Map<String, Object> policy) {
        Object declared = at(policy, "spec", "policyTypes");
        if (declared != null) {
            return Kustomize.strings(declared);
        }
        return at(policy, "spec", "egress") != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peerMatches(List<Map<String, Object>> peers, Endpoint peer) {
        if (peers.isEmpty()) {
            return true;
        }
        for (Map<String, Object> entry : peers) {
            if (entry.containsKey("ipBlock")) {
                continue; // addresses outside the cluster, never pods here
            }
            boolean namespaceOk = entry.containsKey("namespaceSelector")
                    ? Selectors.matches(map(entry.get("namespaceSelector")), peer.namespaceLabels())
                    : namespace.equals(peer.namespace());
            boolean podOk = !entry.containsKey("podSelector") || Selectors.matches(map(entry.get("podSelector")), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(List<Map<String, Object>> ports, Endpoint to, int port, String protocol) {
        if (ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> entry : ports) {
            boolean protocolOk = protocol.equals(entry.getOrDefault("protocol", "TCP"));
            Object declared = entry.get("port");
            boolean portOk = declared == null || to.port(declared).map(p -> p == port).orElse(false);
            if (protocolOk && portOk) {
                return true;
            }
        }
        return false;
    }

    /** Label selectors: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
    static final class Selectors {

        private Selectors() {
        }

        static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
            Map<String, Object> matchLabels = map(selector.get("matchLabels"));
            if (!selector.containsKey("matchLabels") && !selector.containsKey("matchExpressions")) {
                matchLabels = selector; // a Service's plain selector
            }
            for (Map.Entry<String, Object> e : matchLabels.entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
            for (Map<String, Object> expression : maps(selector.get("matchExpressions"))) {
                Object value = labels.get(expression.get("key"));
                List<String> values = Kustomize.strings(expression.get("values"));
                boolean ok = switch ((String) expression.get("operator")) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new IllegalArgumentException("operator " + expression.get("operator"));
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
