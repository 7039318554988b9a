package org.staffroom.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Debian's nginx on the loopback interface in front of several servers, with the location settings of
 * {@code deploy/nginx/staffroom-proxy.conf} (the ones docs/operations.md tells to use).
 */
final class Nginx implements AutoCloseable {

    final int port = ServerProcess.freePort();
    private final Path prefix;
    private final Process process;

    Nginx(List<ServerProcess> servers) throws IOException {
        prefix = Files.createTempDirectory("staffroom-nginx");
        Path proxy = Path.of("deploy", "nginx", "staffroom-proxy.conf").toAbsolutePath();
        String upstream = servers.stream().map(server -> "server 127.0.0.1:" + server.port + ";")
                .collect(Collectors.joining("\n        "));
        String root = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        Files.writeString(prefix.resolve("nginx.conf"), root + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream staffroom {
                        %2$s
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            include %4$s;
                        }
                    }
                }
                """.formatted(prefix, upstream, port, proxy));
        process = new ProcessBuilder(nginx(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("output.log").toFile()).start();
        awaitListening();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String nginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is missing: install Debian's nginx-light package");
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "nginx stopped: " + read(prefix.resolve("output.log")) + read(prefix.resolve("error.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
