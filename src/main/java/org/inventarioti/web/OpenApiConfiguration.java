package org.inventarioti.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.inventarioti.listing.ListParams;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html): snake_case models as
 * the API speaks them, bearer authentication, and on every operation the problem responses it can
 * give, so clients see the errors next to the success.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String BEARER = "bearer";

    static {
        ObjectSchema json = new ObjectSchema();
        json.setDescription("A JSON object");
        SpringDocUtils.getConfig()
                .replaceWithSchema(tools.jackson.databind.JsonNode.class, json)
                .replaceWithSchema(tools.jackson.databind.node.ObjectNode.class, json);
    }

    @Bean
    ModelResolver snakeCaseModels() {
        return new SnakeCaseModels();
    }

    /** Models in snake_case, as the API's Jackson 3 mapper writes them; Jackson 3 trees are plain objects. */
    private static final class SnakeCaseModels extends ModelResolver {

        SnakeCaseModels() {
            super(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
        }

        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Class<?> raw = _mapper.constructType(type.getType()).getRawClass();
            if (tools.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
                return new ObjectSchema().description("A JSON object");
            }
            return super.resolve(type, context, chain);
        }
    }

    @Bean
    OpenAPI inventarioOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Inventario-TI API")
                        .version(properties != null ? properties.getVersion() : "dev")
                        .description("IT asset inventory and maintenance. JSON in snake_case; errors are RFC 9457"
                                + " problem details (application/problem+json). Authenticate with POST /api/auth/login"
                                + " and send the token as Authorization: Bearer …. See docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer problemResponsesAndListParameters() {
        return (operation, handler) -> {
            listParameters(operation, handler);
            String path = pathOf(handler);
            if (!path.startsWith("/api/")) {
                return operation;
            }
            String method = httpMethod(handler);
            if (!path.equals("/api/auth/login") && !path.equals("/api/usuarios/login")) {
                problem(operation, "401", "No token, or an expired, altered or revoked one");
                problem(operation, "403", "Your role does not allow this");
            }
            if (path.contains("{")) {
                problem(operation, "404", "The resource does not exist");
                problem(operation, "400", "A path variable or a header has the wrong format");
            }
            if (operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "page".equals(p.getName()))) {
                problem(
                        operation,
                        "400",
                        "Unknown query parameter, bad value, size over 200, unknown sort column or"
                                + " a cursor of another sort");
            }
            switch (method) {
                case "POST", "PUT", "PATCH" -> {
                    problem(operation, "400", "Malformed JSON, a value of the wrong type or an unknown field");
                    problem(
                            operation,
                            "409",
                            "Conflict: a duplicate (errors names the field) or, for a change, a stale"
                                    + " version (actual carries the current state)");
                    problem(operation, "413", "The body is over the size limit");
                    problem(operation, "415", "The body is not JSON");
                    problem(
                            operation,
                            "422",
                            "Valid JSON that breaks a rule; errors[] names each field"
                                    + " (e.g. especificaciones.ram: required)");
                    if (!method.equals("POST")) {
                        problem(operation, "428", "No version: send the field version or If-Match with the ETag");
                    }
                }
                case "DELETE" -> problem(operation, "409", "The resource is in use, or If-Match names a stale version");
                default -> {}
            }
            return operation;
        };
    }

    private static void listParameters(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(p -> "query".equals(p.getName()) && "query".equals(p.getIn()));
        }
        boolean takesMap = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> MultiValueMap.class.isAssignableFrom(p.getParameterType()));
        if (!takesMap) {
            return;
        }
        ListQueryDoc doc = handler.getMethodAnnotation(ListQueryDoc.class);
        query(
                operation,
                "page",
                new IntegerSchema().minimum(java.math.BigDecimal.ONE),
                "Page number, from 1 (ignored with after)");
        query(
                operation,
                "size",
                new IntegerSchema()
                        .minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(ListParams.MAX_SIZE)),
                "Page size, default 50, at most 200");
        query(operation, "after", new StringSchema(), "Keyset cursor: the next_after of the previous page");
        if (doc == null) {
            return;
        }
        if (doc.sorts().length > 0) {
            query(
                    operation,
                    "sort",
                    new StringSchema(),
                    "column[,asc|desc], one of " + String.join(", ", doc.sorts())
                            + (doc.defaultSort().isEmpty() ? "" : "; default " + doc.defaultSort()));
        }
        for (String filter : doc.filters()) {
            String[] parts = filter.split(":", 2);
            query(operation, parts[0].trim(), new StringSchema(), parts.length > 1 ? parts[1].trim() : null);
        }
        if (doc.spec()) {
            query(
                    operation,
                    "spec.<key>",
                    new StringSchema(),
                    "Especificaciones contain key = value (spec.ram=16GB,"
                            + " spec.red.vlan=10; numbers and booleans match as such; repeat a key for any of several values)");
        }
    }

    private static void query(Operation operation, String name, Schema<?> schema, String description) {
        operation.addParametersItem(
                new Parameter().in("query").name(name).schema(schema).description(description));
    }

    private static void problem(Operation operation, String status, String description) {
        var responses = operation.getResponses();
        ApiResponse existing = responses.get(status);
        if (existing != null) {
            if (existing.getDescription() != null && !existing.getDescription().contains(description)) {
                existing.setDescription(existing.getDescription() + "; " + description);
            }
            return;
        }
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("especificaciones.ram"));
        fieldError.addProperty("message", new StringSchema().example("required"));
        ObjectSchema problem = new ObjectSchema();
        problem.setDescription("RFC 9457 problem detail");
        problem.setProperties(new java.util.LinkedHashMap<>(Map.of(
                "type", new StringSchema(),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema(),
                "instance", new StringSchema(),
                "request_id", new StringSchema(),
                "errors", new ArraySchema().items(fieldError),
                "actual", new ObjectSchema().description("409 on a stale version: the current representation"))));
        return problem;
    }

    private static String pathOf(HandlerMethod handler) {
        var type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        var method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        String base = type != null && type.path().length > 0 ? type.path()[0] : "";
        return base + (method != null && method.path().length > 0 ? method.path()[0] : "");
    }

    private static String httpMethod(HandlerMethod handler) {
        var merged = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return merged != null && merged.method().length > 0 ? merged.method()[0].name() : "GET";
    }
}
