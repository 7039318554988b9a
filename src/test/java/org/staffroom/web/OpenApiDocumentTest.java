package org.staffroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.staffroom.support.Api;
import org.staffroom.support.Fixtures;
import org.staffroom.support.Fixtures.Person;
import org.staffroom.support.IntegrationTest;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document, read as a client generator would: valid, and a schema of its own for every type. */
@IntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String document() {
        Api.Response response = new Api(port).get("/api/v1/openapi.json", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theDocumentIsValidOpenApi() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document(), null, options);
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getMessages()).as("the parser's validation messages").isEmpty();
    }

    /**
     * Every type a controller of the API takes or gives, and every type inside those, is described by the
     * schema the document names for it, and no two types share a name (they used to: four records called
     * Draft became one schema).
     */
    @Test
    void everyTypeTheApiPublishesHasASchemaOfItsOwn() {
        JsonNode document = Api.JSON.readTree(document());
        boolean openapi31 = document.get("openapi").asString().startsWith("3.1");
        Set<Class<?>> types = publishedTypes();
        assertThat(types).as("the API's own types").hasSizeGreaterThan(40);

        Map<String, List<String>> byName = new HashMap<>();
        for (Class<?> type : types) {
            ResolvedSchema resolved = ModelConverters.getInstance(openapi31)
                    .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
            String name = resolved.schema.get$ref() == null ? resolved.schema.getName()
                    : resolved.schema.get$ref().substring(resolved.schema.get$ref().lastIndexOf('/') + 1);
            byName.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(type.getName());
        }
        assertThat(byName).as("schema names given to more than one type")
                .allSatisfy((name, owners) -> assertThat(owners).as(name).hasSize(1));
        assertThat(byName.keySet()).as("types without their schema in the document")
                .allMatch(name -> document.path("components").path("schemas").has(name));
    }

    /** The records and classes of org.staffroom that API bodies are made of (enums are written inline). */
    Set<Class<?>> publishedTypes() {
        Deque<Type> toVisit = new ArrayDeque<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (info.getPatternValues().stream().noneMatch(pattern -> pattern.startsWith("/api/v1"))) {
                return;
            }
            toVisit.add(method.getReturnType().getGenericParameterType());
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    toVisit.add(parameter.getGenericParameterType());
                }
            }
        });
        Set<Class<?>> types = new LinkedHashSet<>();
        Set<Type> seen = new java.util.HashSet<>();
        while (!toVisit.isEmpty()) {
            Type type = toVisit.pop();
            if (!seen.add(type)) {
                continue;
            }
            if (type instanceof ParameterizedType parameterized) {
                toVisit.addAll(List.of(parameterized.getActualTypeArguments()));
                continue;
            }
            if (type instanceof Class<?> cls && cls.getName().startsWith("org.staffroom.") && !cls.isEnum()
                    && !cls.isInterface()) {
                types.add(cls);
                if (cls.isRecord()) {
                    for (RecordComponent component : cls.getRecordComponents()) {
                        toVisit.add(component.getGenericType());
                    }
                }
            }
        }
        return types;
    }

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.staffroom.surveys.Surveys surveys;

    @Autowired
    org.staffroom.groups.Groups groups;

    /**
     * A client that knows only the document can create everything the API creates: each POST that answers 201
     * gets a body made from its schema alone (its required properties, each the schema's example or a value of
     * its type and format, following $ref) and must succeed. The path's ids are real ones, set up first.
     */
    @Test
    void everyCreateOperationSucceedsWithABodyMadeFromItsSchema() {
        Api api = new Api(port);
        JsonNode document = Api.JSON.readTree(document());
        World world = new World(api);

        List<String> failures = new java.util.ArrayList<>();
        int driven = 0;
        for (var path : document.get("paths").properties()) {
            JsonNode post = path.getValue().path("post");
            if (!post.path("responses").has("201")) {
                continue;
            }
            JsonNode schema = post.path("requestBody").path("content").path("application/json").path("schema");
            String body = schema.isMissingNode() ? ""
                    : Api.JSON.writeValueAsString(value(document, schema, "body", world));
            String target = world.fill(path.getKey());
            Api.Response response = api.postRaw(target, world.tokenFor(path.getKey()), "application/json", body);
            driven++;
            if (response.status() < 200 || response.status() > 299) {
                failures.add("POST " + path.getKey() + " " + body + " -> " + response.status() + " " + response.body());
            }
        }
        assertThat(driven).as("create operations").isGreaterThanOrEqualTo(20);
        assertThat(failures).isEmpty();
    }

    /** A value for a schema: its example, its first allowed value, or one made from its type and format. */
    static Object value(JsonNode document, JsonNode schema, String name, World world) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            return value(document, document.at(ref.substring(1)), name, world);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString()
                : schema.path("type").asString(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asString("");
        switch (type) {
            case "object" -> {
                // the required properties, and the others the document gives an example for
                Map<String, Object> object = new java.util.LinkedHashMap<>();
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(property -> required.add(property.asString()));
                for (var property : schema.path("properties").properties()) {
                    if (required.contains(property.getKey()) || property.getValue().has("example")) {
                        object.put(property.getKey(), value(document, property.getValue(), property.getKey(), world));
                    }
                }
                return object;
            }
            case "array" -> {
                int items = Math.max(1, schema.path("minItems").asInt(1));
                return java.util.Collections.nCopies(items, value(document, schema.path("items"), name, world));
            }
            case "integer", "number" -> {
                return schema.has("minimum") ? schema.get("minimum").asLong() : 1;
            }
            case "boolean" -> {
                return false;
            }
            default -> {
                return switch (format) {
                    case "uuid" -> world.id(name);
                    case "byte" -> base64(schema.has("maxLength") ? schema.get("maxLength").asInt() / 4 * 3 : 12);
                    case "date" -> "2099-06-30";
                    case "date-time" -> "2020-06-30T12:00:00Z";
                    case "email" -> "someone@example.org";
                    case "uri" -> "https://example.org/";
                    default -> "Text for " + name;
                };
            }
        }
    }

    /** The things the create operations' paths and ids refer to, made before any is driven. */
    final class World {

        final Person organiser;
        final Person rep;
        final String token;
        final Map<String, String> ids = new HashMap<>();
        final Map<String, Map<String, String>> byPath = new HashMap<>();
        final Map<String, String> tokens = new HashMap<>();

        World(Api api) {
            organiser = fixtures.person("organiser");
            UUID groupId = fixtures.group(organiser, "Schema ward " + UUID.randomUUID().toString().substring(0, 6));
            rep = fixtures.member(groupId, organiser);
            groups.changeRole(organiser.id(), groupId, rep.id(), org.staffroom.groups.Role.ORGANISER);
            token = api.signIn(organiser);
            String g = "/api/v1/groups/" + groupId;
            UUID networkId = fixtures.network(organiser, "Schema network");
            String n = "/api/v1/networks/" + networkId;
            ids.put("groupId", groupId.toString());
            ids.put("networkId", networkId.toString());
            ids.put("meetingId", fixtures.meeting(organiser, groupId, "Schema meeting").toString());
            ids.put("proposalId", fixtures.proposal(organiser, groupId, "Schema vote").toString());
            ids.put("demandId", fixtures.demand(organiser, groupId, "Schema demand").toString());
            ids.put("surveyId", surveys.create(organiser.id(), new org.staffroom.surveys.Scope.Group(groupId),
                    new org.staffroom.surveys.Surveys.Draft("Schema draft", "")).toString());
            String networkDraft = surveys.create(organiser.id(), new org.staffroom.surveys.Scope.Network(networkId),
                    new org.staffroom.surveys.Surveys.Draft("Schema network draft", "")).toString();
            String networkSurvey = "/api/v1/networks/{networkId}/surveys/{surveyId}";
            byPath.put(networkSurvey + "/questions", Map.of("surveyId", networkDraft));
            byPath.put(networkSurvey + "/copy", Map.of("surveyId", networkDraft));
            byPath.put("/api/v1/groups/{groupId}/surveys/{surveyId}/responses", Map.of("surveyId", openSurvey(api, g)));
            String networkOpen = openSurvey(api, n);
            byPath.put(networkSurvey + "/link", Map.of("surveyId", networkOpen));
            String link = api.post(n + "/surveys/" + networkOpen + "/link", token, Map.of()).ok().json().get("url")
                    .asString();
            ids.put("token", link.substring(link.lastIndexOf('/') + 1));
            Map<String, Object> concern = Map.of("title", "Rota", "details", "Details", "category", "OTHER");
            ids.put("concernId", api.post(g + "/concerns", token, concern).ok().json().get("id").asString());
            String adopted = api.post(g + "/concerns", token, concern).ok().json().get("id").asString();
            ids.put("grievanceId", api.post(g + "/concerns/" + adopted + "/grievance", token, Map.of()).ok().json()
                    .get("id").asString());
            Map<String, Object> keyring = Map.of("kdf", "PBKDF2-SHA-256", "iterations", 600_000, "salt", base64(16),
                    "wrappedKey", base64(60), "recoverySalt", base64(16), "recoveryWrappedKey", base64(60),
                    "publicKey", base64(422), "wrappedPrivateKey", base64(1800));
            api.post("/api/v1/journal/keyring", token, keyring).ok();
            api.post("/api/v1/journal/keyring", rep.token(), keyring).ok();
            api.put("/api/v1/journal/receiving", rep.token(), Map.of("receivesShares", true)).ok();
            ids.put("entryId", api.post("/api/v1/journal/entries", token, Map.of("iv", base64(12), "data", base64(40)))
                    .ok().json().get("id").asString());
            ids.put("repId", rep.id().toString());
            // a journal is started once: by someone who has none yet
            tokens.put("/api/v1/journal/keyring", fixtures.person("starter").token());
        }

        /** A survey with one optional question, open until the end of the range. */
        private String openSurvey(Api api, String scope) {
            String id = api.post(scope + "/surveys", token, Map.of("title", "Schema open survey")).ok().json().get("id")
                    .asString();
            api.post(scope + "/surveys/" + id + "/questions", token, Map.of("kind", "TEXT", "text", "Anything else?",
                    "required", false)).ok();
            api.post(scope + "/surveys/" + id + "/open", token, Map.of("closesOn", "2099-06-30")).ok();
            return id;
        }

        String id(String name) {
            assertThat(ids).as("a real id for " + name).containsKey(name);
            return ids.get(name);
        }

        String tokenFor(String template) {
            return tokens.getOrDefault(template, token);
        }

        /** The path with real ids: the operation's own where it needs something in a given state. */
        String fill(String template) {
            Map<String, String> own = byPath.getOrDefault(template, Map.of());
            StringBuilder filled = new StringBuilder();
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
            while (matcher.find()) {
                String variable = matcher.group(1);
                matcher.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(
                        own.containsKey(variable) ? own.get(variable) : id(variable)));
            }
            matcher.appendTail(filled);
            return filled.toString();
        }
    }

    static String base64(int bytes) {
        return java.util.Base64.getEncoder().encodeToString(new byte[bytes]);
    }
}
