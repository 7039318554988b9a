package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.staffroom.support.Api;
import org.staffroom.support.ClientAddresses;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the API, as its OpenAPI document lists them (so a new endpoint is in this test the day
 * it is added), sent hostile input: path ids that are not ids, bodies that are not JSON or not the right
 * JSON, every field given the wrong type, huge numbers, very long strings, control and null characters,
 * every Unicode plane, markup and SQL, duplicate parameters, the wrong content type, oversize bodies. Each
 * answer must be below 500, and a refusal must be an RFC 9457 problem document that says something.
 */
@IntegrationTest
class HostileApiInputTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> HOSTILE_IDS = List.of("not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%00",
            "99999999999999999999999999", "'%20OR%201%3D1%20--", "x".repeat(3000), "%F0%9F%8F%A5", "-1");
    private static final List<String> HOSTILE_BODIES = List.of("{", "[]", "null", "\"text\"", "{\"a\":", "{}{}",
            "\u0000",
            "{\"title\": \"unterminated}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
    private static final List<Object> HOSTILE_VALUES = List.of(
            "x".repeat(10_000), "\u0000\u0001\u0007\u001b[31m",
            "\uD83C\uDFE5 \uD835\uDD18 \uFFFF \uDB40\uDC01 \u202Eevil",
            "<script>alert(1)</script><img src=x onerror=alert(2)>", "'; drop table identity_account; --",
            "../../../../etc/passwd", "", " ", 1e308, -1, 0, Long.MAX_VALUE, true, List.of("a", "b"),
            Map.of("nested", Map.of("deeper", "value")));
    private static final String HUGE_NUMBER = "1" + "0".repeat(400);

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.staffroom.surveys.Surveys surveys;

    record Operation(String method, String path, JsonNode definition) {
    }

    @Test
    void everyOperationRefusesHostileInputWithAProblemDocumentAndNeverA500() {
        // from an address of its own: the sign-in and receipt endpoints count this test's attempts per client
        Api api = new Api(port, ClientAddresses.next());
        Person organiser = fixtures.person("organiser");
        UUID groupId = fixtures.group(organiser, "Hostile API group");
        Person member = fixtures.member(groupId, organiser);
        String token = api.signIn(organiser);
        Map<String, String> ids = realIds(organiser, groupId, member);
        JsonNode document = api.get("/api/v1/openapi.json", null).json();
        List<Operation> operations = operations(document);
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(60);

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations) {
            // path ids that are not ids, one variable at a time, the others real
            for (String variable : variables(operation.path())) {
                for (String hostile : HOSTILE_IDS) {
                    String path = fill(operation.path(), ids, variable, hostile);
                    check(failures, operation, "path " + variable + "=" + abbreviate(hostile),
                            send(api, operation.method(), path, token, "application/json",
                                    bodyFor(operation, document)));
                    requests++;
                }
            }
            String path = fill(operation.path(), ids, null, null);
            // duplicate and unknown query parameters
            check(failures, operation, "duplicate parameters", send(api, operation.method(),
                    path + "?by=a&by=b&question=" + HUGE_NUMBER + "&after=%00&page=-1", token, "application/json",
                    bodyFor(operation, document)));
            requests++;
            if (!operation.definition().has("requestBody")) {
                continue;
            }
            for (String body : HOSTILE_BODIES) {
                check(failures, operation, "body " + abbreviate(body), send(api, operation.method(), path, token,
                        "application/json", body));
                requests++;
            }
            check(failures, operation, "wrong content type", send(api, operation.method(), path, token, "text/plain",
                    bodyFor(operation, document)));
            check(failures, operation, "form content type", send(api, operation.method(), path, token,
                    "application/x-www-form-urlencoded", "title=x&title=y"));
            check(failures, operation, "oversize body", send(api, operation.method(), path, token, "application/json",
                    "{\"title\": \"" + "x".repeat(200_000) + "\"}"));
            check(failures, operation, "huge number", send(api, operation.method(), path, token, "application/json",
                    bodyFor(operation, document).replaceFirst(":\\s*\"[^\"]*\"", ": " + HUGE_NUMBER)));
            requests += 4;
            for (String field : fields(operation, document)) {
                for (Object value : HOSTILE_VALUES) {
                    ObjectNode body = (ObjectNode) Api.JSON.readTree(bodyFor(operation, document));
                    body.set(field, Api.JSON.valueToTree(value));
                    check(failures, operation, field + "=" + abbreviate(String.valueOf(value)),
                            send(api, operation.method(), path, token, "application/json",
                                    Api.JSON.writeValueAsString(body)));
                    requests++;
                }
            }
        }

        assertThat(requests).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    private void check(List<String> failures, Operation operation, String what, Api.Response response) {
        String where = operation.method() + " " + operation.path() + " with " + what + ": " + response.status();
        if (response.status() >= 500) {
            failures.add(where + " " + abbreviate(response.body()));
        } else if (response.status() >= 400 && response.status() != 405) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(where + " answered " + type + ", not a problem document");
            } else if (!response.json().path("detail").isString()
                    || response.json().path("detail").asString().isBlank()) {
                failures.add(where + " problem document without a detail");
            }
        }
    }

    private Api.Response send(Api api, String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofString(body == null ? "" : body);
        switch (method) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default -> request.header("Content-Type", contentType).method(method, publisher);
        }
        return api.send(request.build());
    }

    /** The ids of real things in the group, by the names the API's paths give them. */
    private Map<String, String> realIds(Person organiser, UUID groupId, Person member) {
        Map<String, String> ids = new HashMap<>();
        ids.put("groupId", groupId.toString());
        ids.put("networkId", fixtures.network(organiser, "Hostile API network").toString());
        ids.put("meetingId", fixtures.meeting(organiser, groupId, "Hostile meeting").toString());
        ids.put("proposalId", fixtures.proposal(organiser, groupId, "Hostile vote").toString());
        ids.put("demandId", fixtures.demand(organiser, groupId, "Hostile demand").toString());
        org.staffroom.surveys.Scope scope = new org.staffroom.surveys.Scope.Group(groupId);
        UUID surveyId = surveys.create(organiser.id(), scope,
                new org.staffroom.surveys.Surveys.Draft("Hostile survey", ""));
        ids.put("surveyId", surveyId.toString());
        ids.put("memberId", member.id().toString());
        ids.put("accountId", member.id().toString());
        return ids;
    }

    /** Every operation, the ones that delete last (they could take away what the others need). */
    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String verb = method.getKey().toUpperCase(java.util.Locale.ROOT);
            if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                operations.add(new Operation(verb, path.getKey(), method.getValue()));
            }
        }));
        operations.sort(Comparator.comparing((Operation o) -> o.method().equals("DELETE"))
                .thenComparing(o -> o.path().equals("/api/v1/me") || o.path().startsWith("/api/v1/auth"))
                .thenComparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path with real ids (a random one where none is known), and {@code hostile} for {@code variable}. */
    private static String fill(String path, Map<String, String> ids, String variable, String hostile) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = name.equals(variable) ? hostile
                    : ids.getOrDefault(name, URLEncoder.encode(UUID.randomUUID().toString(), StandardCharsets.UTF_8));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** A plausible body for the operation: each field of its schema with a value of its type. */
    private static String bodyFor(Operation operation, JsonNode document) {
        Map<String, Object> body = new LinkedHashMap<>();
        JsonNode schema = schema(operation, document);
        if (schema != null) {
            schema.path("properties").properties()
                    .forEach(field -> body.put(field.getKey(), example(field.getValue())));
        }
        return Api.JSON.writeValueAsString(body);
    }

    private static List<String> fields(Operation operation, JsonNode document) {
        JsonNode schema = schema(operation, document);
        List<String> fields = new ArrayList<>();
        if (schema != null) {
            schema.path("properties").properties().forEach(field -> fields.add(field.getKey()));
        }
        return fields;
    }

    private static JsonNode schema(Operation operation, JsonNode document) {
        JsonNode schema = operation.definition().path("requestBody").path("content").path("application/json")
                .path("schema");
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema.isMissingNode() ? null : schema;
    }

    private static Object example(JsonNode property) {
        return switch (property.path("type").asString("string")) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> property.path("format").asString("").equals("uuid") ? UUID.randomUUID().toString() : "text";
        };
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 80 ? flat.substring(0, 80) + "..." : flat;
    }
}
