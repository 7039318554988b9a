package org.staffroom.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API of one server, with a bearer token once signed in. */
final class JsonClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String body, String contentType) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;
    private String token;

    JsonClient(String base) {
        this.base = base;
    }

    JsonClient signIn(String email, String password) throws IOException, InterruptedException {
        Answer answer = post("/api/v1/auth/token", java.util.Map.of("email", email, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + answer.status() + " " + answer.body());
        }
        token = answer.json().get("token").asString();
        return this;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }
}
