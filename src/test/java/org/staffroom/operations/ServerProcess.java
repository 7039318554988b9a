package org.staffroom.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Staffroom server as production runs it: the packaged jar in a process of its own, configured by
 * environment variables, its output in {@code target/operations/NAME.log}.
 */
final class ServerProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "staffroom.jar");
    static final Path LOGS = Path.of("target", "operations");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final int managementPort;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private Process process;

    ServerProcess(String name, Map<String, String> environment, String... arguments) {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.environment = new HashMap<>(environment);
        this.environment.put("STAFFROOM_PORT", Integer.toString(port));
        this.environment.put("STAFFROOM_MANAGEMENT_PORT", Integer.toString(managementPort));
        this.arguments = List.of(arguments);
    }

    /** The environment of a server on the given PostgreSQL database. */
    static Map<String, String> onPostgres(String jdbcUrl, Path dataDir) {
        return Map.of("STAFFROOM_DB_URL", jdbcUrl, "STAFFROOM_DB_USER", "postgres", "STAFFROOM_DB_PASSWORD", "",
                "STAFFROOM_DATA_DIR", dataDir.toString());
    }

    /** The environment of a server on its embedded H2 database, in {@code dataDir}. */
    static Map<String, String> onH2(Path dataDir) {
        return Map.of("STAFFROOM_DATA_DIR", dataDir.toString());
    }

    /** Starts the server and waits until it says it is ready. */
    ServerProcess start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: these tests run after the package phase (mvn verify)");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xss512k", "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(LOGS);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().keySet().removeIf(key -> key.startsWith("STAFFROOM_"));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    Path log() {
        return LOGS.resolve(name + ".log");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the server gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the server finishes its requests and stops. */
    void stop() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A counter from the Prometheus metrics, 0 when it has not been counted yet. */
    double metric(String name, String labels) throws IOException, InterruptedException {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl("/actuator/prometheus"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : body.lines().toList()) {
            if (line.startsWith(name + "{") && line.contains(labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log());
            }
            try {
                int status = HTTP.send(HttpRequest.newBuilder(URI.create(url("/readyz"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " was not ready in " + timeout + "; see " + log());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
