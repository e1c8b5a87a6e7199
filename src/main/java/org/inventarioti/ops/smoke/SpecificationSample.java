package org.inventarioti.ops.smoke;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The smallest especificaciones a category's JSON Schema accepts: a plain value for each required key. */
final class SpecificationSample {

    private SpecificationSample() {}

    static int requiredCount(JsonNode schema) {
        JsonNode required = schema.path("required");
        return required.isArray() ? required.size() : 0;
    }

    static Map<String, Object> forSchema(JsonNode schema) {
        Map<String, Object> sample = new LinkedHashMap<>();
        JsonNode required = schema.path("required");
        if (!required.isArray()) {
            return sample;
        }
        for (JsonNode key : required.values()) {
            sample.put(key.asString(), value(schema.path("properties").path(key.asString())));
        }
        return sample;
    }

    private static Object value(JsonNode property) {
        JsonNode choices = property.path("enum");
        if (choices.isArray() && choices.size() > 0) {
            return Api.JSON.convertValue(choices.get(0), Object.class);
        }
        if (property.has("const")) {
            return Api.JSON.convertValue(property.get("const"), Object.class);
        }
        String type = property.path("type").isArray()
                ? property.path("type").get(0).asString()
                : property.path("type").asString("string");
        long minimum = property.path("minimum").asLong(1);
        return switch (type) {
            case "integer" -> Math.max(1, minimum);
            case "number" -> (double) Math.max(1, minimum);
            case "boolean" -> true;
            case "array" -> java.util.List.of();
            case "object" -> forSchema(property);
            default -> "smoke";
        };
    }
}
