package org.inventarioti.categorias;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.inventarioti.errors.FieldError;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Schema draft 2020-12: checks that a category's schema is one (against the meta-schema,
 * with no references outside the document), and validates especificaciones against it. Nothing
 * is ever fetched: only the bundled 2020-12 meta-schemas may be loaded.
 */
@Component
class EsquemaValidator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final int MAX_SCHEMA_BYTES = 64 * 1024;

    private final JsonMapper json;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader ->
                    loader.block(iri -> !iri.toString().startsWith("https://json-schema.org/draft/2020-12/"))));
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(DIALECT));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    EsquemaValidator(JsonMapper json) {
        this.json = json;
    }

    /** The problems that make {@code esquema} unusable as a category schema; empty when it is fine. */
    List<FieldError> problemas(JsonNode esquema) {
        List<FieldError> errors = new ArrayList<>();
        if (json.writeValueAsString(esquema).getBytes(StandardCharsets.UTF_8).length > MAX_SCHEMA_BYTES) {
            return List.of(FieldError.of("esquema", "must not be larger than 64 KiB"));
        }
        JsonNode dialect = esquema.get("$schema");
        if (dialect != null
                && !DIALECT.equals(dialect.asString(null))
                && !(DIALECT + "#").equals(dialect.asString(null))) {
            errors.add(FieldError.of("esquema.$schema", "must be " + DIALECT + " (draft 2020-12) or absent"));
        }
        JsonNode type = esquema.get("type");
        if (type == null || !"object".equals(type.asString(null))) {
            errors.add(FieldError.of("esquema.type", "must be \"object\": especificaciones are an object"));
        }
        for (var error : metaSchema.validate(esquema)) {
            errors.add(FieldError.of(path("esquema", error.getInstanceLocation()), error.getMessage()));
        }
        externalReferences(esquema, "esquema", errors);
        propertyNames(esquema, "esquema", errors);
        if (errors.isEmpty()) {
            try {
                registry.getSchema(esquema).validate(json.createObjectNode());
            } catch (RuntimeException e) {
                errors.add(FieldError.of("esquema", "cannot be used: " + rootMessage(e)));
            }
        }
        return errors;
    }

    /** Validates especificaciones; each error names its field ({@code especificaciones.ram: required}). */
    List<FieldError> validar(Categoria categoria, JsonNode especificaciones) {
        return validar(
                compiled.computeIfAbsent(
                        categoria.id() + ":" + categoria.version(), key -> registry.getSchema(categoria.esquema())),
                especificaciones);
    }

    /** A schema not saved yet (a change being considered), compiled for these checks and not kept. */
    Schema compilar(JsonNode esquema) {
        return registry.getSchema(esquema);
    }

    List<FieldError> validar(Schema schema, JsonNode especificaciones) {
        List<FieldError> errors = new ArrayList<>();
        for (var error : schema.validate(especificaciones)) {
            String field = path("especificaciones", error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                errors.add(FieldError.of(field + "." + error.getProperty(), "required", "required", List.of()));
            } else {
                errors.add(FieldError.of(field, error.getMessage(), error.getKeyword(), argumentos(error)));
            }
        }
        return errors;
    }

    private static List<String> argumentos(com.networknt.schema.Error error) {
        Object[] arguments = error.getArguments();
        return arguments == null
                ? List.of()
                : java.util.Arrays.stream(arguments).map(String::valueOf).toList();
    }

    void olvidar(long categoriaId) {
        compiled.keySet().removeIf(key -> key.startsWith(categoriaId + ":"));
    }

    static String path(String root, NodePath location) {
        StringBuilder path = new StringBuilder(root);
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append('.').append(element);
            }
        }
        return path.toString();
    }

    /** References may only point inside the schema itself ({@code #/$defs/…}). */
    private static void externalReferences(JsonNode node, String path, List<FieldError> errors) {
        if (node.isObject()) {
            for (String keyword : List.of("$ref", "$dynamicRef")) {
                JsonNode ref = node.get(keyword);
                if (ref != null && ref.isString() && !ref.asString().startsWith("#")) {
                    errors.add(FieldError.of(path + "." + keyword, "must refer inside the schema (#/…)"));
                }
            }
            if (node.has("$id")) {
                errors.add(FieldError.of(path + ".$id", "is not allowed: the schema belongs to its category"));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                externalReferences(field.getValue(), path + "." + field.getKey(), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                externalReferences(node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /**
     * Property names must be normalised keys (assets' keys are normalised before validation) and
     * must not name a secret, which no asset may hold.
     */
    private static void propertyNames(JsonNode schema, String path, List<FieldError> errors) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            for (Iterator<String> names = properties.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                String normalized = ClavesEspecificacion.normalizar(name);
                String at = path + ".properties." + name;
                if (!name.equals(normalized)) {
                    errors.add(FieldError.of(at, "property names must be snake_case keys (" + normalized + ")"));
                } else if (DetectorSecretos.claveSensible(path.substring(path.indexOf('.') + 1) + "." + name)) {
                    errors.add(FieldError.of(at, "names a secret, which especificaciones may not hold"));
                }
                propertyNames(properties.get(name), at, errors);
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            propertyNames(items, path + ".items", errors);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
