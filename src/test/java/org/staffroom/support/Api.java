package org.staffroom.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for the JSON API over real HTTP. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** Fails the test unless the request succeeded (with the body as the reason); returns itself. */
        public Response ok() {
            org.assertj.core.api.Assertions.assertThat(status).as(body).isBetween(200, 299);
            return this;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client;
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client connecting from another loopback address (127.0.0.2, ...), for throttling tests. */
    public Api(int port, String clientAddress) {
        this.base = "http://127.0.0.1:" + port;
        try {
            this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .localAddress(java.net.InetAddress.getByName(clientAddress)).build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Signs in through {@code POST /api/v1/auth/token} with the fixtures' password: unlike a fixture's
     * personal token, this token carries the member's signing secret, so it can act anonymously.
     */
    public String signIn(Fixtures.Person person) {
        Response response = post("/api/v1/auth/token", null,
                java.util.Map.of("email", person.email(), "password", Fixtures.PASSWORD));
        if (response.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + response.status() + " " + response.body());
        }
        return response.json().get("token").asString();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, String token, Object body) {
        return postRaw(path, token, "application/json", body == null ? "" : JSON.writeValueAsString(body));
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
