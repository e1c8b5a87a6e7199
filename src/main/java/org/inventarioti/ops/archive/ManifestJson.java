package org.inventarioti.ops.archive;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code manifest.json} (snake_case, indented, strict about unknown fields). */
final class ManifestJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ManifestJson() {}

    static byte[] write(Manifest manifest) {
        return MAPPER.writeValueAsBytes(manifest);
    }

    static Manifest read(byte[] json) {
        try {
            return MAPPER.readValue(json, Manifest.class);
        } catch (JacksonException e) {
            throw new ArchiveException("manifest.json is not a valid manifest: " + e.getOriginalMessage(), e);
        }
    }
}
