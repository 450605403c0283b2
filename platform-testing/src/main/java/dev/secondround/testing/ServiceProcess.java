package dev.secondround.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of our services started from its packaged jar ({@code <module>/target/quarkus-app}) in its own
 * JVM, for tests of another service that calls it over HTTP: the real service, its real migrations,
 * its real token checks, no mock. The reactor builds (and packages) the called service first; run
 * alone, a module's tests need {@code ./mvnw -pl <called-module> -am package -DskipTests} once.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String module;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String module, Process process, int port, Path log) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code module} with these configuration properties and waits until it reports ready. */
    public static ServiceProcess start(String module, Map<String, String> properties, Duration timeout) {
        return start(module, freePort(), properties, timeout);
    }

    /**
     * Starts {@code module} on {@code port} (chosen with {@link #freePorts(int)} beforehand when services must
     * know each other's addresses before any of them runs) and waits until it reports ready.
     */
    public static ServiceProcess start(String module, int port, Map<String, String> properties, Duration timeout) {
        Path jar = locate(module);
        Path log = Path.of("target", module + "-process.log").toAbsolutePath();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServiceProcess service = new ServiceProcess(module, process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close));
            service.awaitReady(timeout);
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module + " from " + jar, e);
        }
    }

    public String url() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Duration timeout) {
        if (!awaitOk(process, URI.create(url() + "/q/health/ready"), timeout, module, log)) {
            close();
            throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + log);
        }
    }

    /**
     * Waits until {@code url} answers 200 while {@code process} runs: true when it does, false when
     * {@code timeout} passed first; fails at once (naming {@code log}) when the process exits meanwhile.
     */
    public static boolean awaitOk(Process process, URI url, Duration timeout, String name, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static Path locate(String module) {
        String configured = System.getProperty(module + ".jar");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar"),
                Path.of(module, "target", "quarkus-app", "quarkus-run.jar"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().map(Path::toAbsolutePath)
                .orElseThrow(() -> new IllegalStateException("no packaged " + module + " (looked for " + candidates
                        + "); build it first: ./mvnw -pl " + module + " -am package -DskipTests"));
    }

    /**
     * {@code n} different ports nothing listens on right now (all sockets held open together, so the same
     * port cannot come back twice), for processes that bind them a little later.
     */
    public static int[] freePorts(int n) {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // the port was ours only to learn its number
                    }
                }
            }
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        return freePorts(1)[0];
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
