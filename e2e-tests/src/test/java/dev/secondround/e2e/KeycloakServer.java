package dev.secondround.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secondround.testing.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Keycloak of ./run-local (the distribution from Maven Central, unpacked by this module's build),
 * started in dev mode with a fresh import of the committed realm, on free ports. Hands out the tokens the
 * story's people and integrations would get: password grant on the public {@code secondround-cli} client
 * for demo users, client credentials for the ATS clients.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "secondround";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Access tokens live 15 minutes in the realm; the story takes a few. Re-fetched after 10. */
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant fetched) {
    }

    private KeycloakServer(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static KeycloakServer start(Path home, Path realmFile, Duration timeout) {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": the e2e-tests build unpacks it (./mvnw -pl e2e-tests verify)");
        }
        int[] ports = ServiceProcess.freePorts(2);
        int port = ports[0];
        int managementPort = ports[1];
        String url = "http://localhost:" + port;
        Path log = Path.of("target", "keycloak.log").toAbsolutePath();
        try {
            // A fresh import every run: dev mode keeps its H2 database under data/.
            Path data = home.resolve("data");
            if (Files.exists(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(data.resolve("import"));
            Files.copy(realmFile, data.resolve("import").resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                    "--hostname=" + url, "--import-realm"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            KeycloakServer keycloak = new KeycloakServer(builder.start(), url, log);
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
            keycloak.awaitRealm(timeout);
            return keycloak;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Keycloak from " + home, e);
        }
    }

    /** The realm's issuer, as the services check it ({@code iss} of every token). */
    String issuer() {
        return url + "/realms/" + REALM;
    }

    /** A demo user's access token (password {@code demo}), as the command line client gets it. */
    String userToken(String username) {
        return cached(username, Map.of("grant_type", "password", "client_id", "secondround-cli",
                "username", username, "password", "demo"));
    }

    /** A confidential client's access token by client credentials: what an ATS integration does. */
    String clientToken(String clientId, String secret) {
        return cached("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String cached(String key, Map<String, String> form) {
        Token token = tokens.get(key);
        if (token == null || token.fetched().isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
            token = new Token(fetch(form), Instant.now());
            tokens.put(key, token);
        }
        return token.value();
    }

    private String fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username", form.get("client_id"))
                        + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token from " + issuer(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRealm(Duration timeout) {
        // The first start builds and imports: 30-60 s on 2 cores.
        if (!ServiceProcess.awaitOk(process, URI.create(issuer() + "/.well-known/openid-configuration"), timeout, "Keycloak", log)) {
            close();
            throw new IllegalStateException("Keycloak's realm " + REALM + " was not up within " + timeout + "; see " + log);
        }
    }

    @Override
    public void close() {
        // kc.sh runs Keycloak's JVM as a child and waits for it: stop the JVM, not only the script, or a
        // Keycloak outlives the test run with its ports.
        List<ProcessHandle> keycloak = process.descendants().toList();
        keycloak.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        keycloak.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
