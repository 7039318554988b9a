package org.staffroom.shared.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;

/**
 * Names the OpenAPI document's schemas so that no two types share one. The API's records are nested in the
 * feature that owns them ({@code Meetings.Draft}, {@code Surveys.Draft}); by their simple names alone they
 * collapsed into one schema, and a client generated from the document could not create a meeting, demand or
 * proposal. A nested type is named after its feature and itself ({@code MeetingsDraft}; a controller's own
 * request records without the {@code ApiController}: {@code MeetingsAnswerRequest}); a second type asking for
 * a name already given is refused, so the document fails loudly rather than describe the wrong type.
 */
@Configuration(proxyBeanMethods = false)
class ApiSchemaNames {

    /** Placed before swagger's own resolver, which it then stands in for. */
    @Bean
    ModelResolver schemaNamingResolver(SpringDocConfigProperties properties) {
        return properties.isOpenapi31() ? new ModelResolver(Json31.mapper(), new Names()).openapi31(true)
                : new ModelResolver(Json.mapper(), new Names());
    }

    static final class Names extends TypeNameResolver {

        private final Map<String, String> given = new ConcurrentHashMap<>();

        @Override
        protected String getNameOfClass(Class<?> type) {
            if (!type.getName().startsWith("org.staffroom.")) {
                return super.getNameOfClass(type);
            }
            String name = nameOf(type);
            String earlier = given.putIfAbsent(name, type.getName());
            if (earlier != null && !earlier.equals(type.getName())) {
                throw new IllegalStateException("Two API types would share the schema name " + name + ": " + earlier
                        + " and " + type.getName());
            }
            return name;
        }

        static String nameOf(Class<?> type) {
            Class<?> owner = type.getEnclosingClass();
            if (owner == null) {
                return type.getSimpleName();
            }
            return nameOf(owner).replaceFirst("ApiController$", "") + type.getSimpleName();
        }
    }
}
