package org.inventarioti.ops.archive;

import java.util.List;
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

    /**
     * Loads and builds Jackson's (de)serializers for the manifest on a daemon thread: in a fresh JVM
     * that is 0.3–0.6 s of class loading, which then overlaps with the command's database work
     * instead of delaying its end.
     */
    static void warmUpInBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        read(write(new Manifest(
                                Manifest.FORMAT,
                                Manifest.FORMAT_VERSION,
                                "warm-up",
                                "",
                                new Manifest.Source("", 0, "", "", false),
                                new Manifest.Schema(
                                        "1", "", List.of(new Manifest.AppliedMigration("1", "", "SQL", "", 0))),
                                List.of(new Manifest.Table("t", "m", List.of("c"), 0)),
                                List.of(new Manifest.SequenceValue("s", null, null, 1, false)),
                                List.of(new Manifest.Member("m", 0, "", 0L)))));
                    } catch (RuntimeException e) {
                        // only a warm-up: the real call reports any problem
                    }
                },
                "manifest-json-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

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
