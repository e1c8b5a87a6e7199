package org.inventarioti.activos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inventarioti.categorias.ClavesEspecificacion;
import org.inventarioti.errors.FieldError;
import org.inventarioti.secretos.DetectorSecretos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The especificaciones rules of DESIGN §4 that hold for every category: keys normalised to
 * snake_case at every depth, bounded sizes, and no secrets. A secret is refused by naming its key
 * path only: the value is never copied into an error, a log line or the database.
 */
final class ReglasEspecificaciones {

    static final int MAX_STRING = 1024;
    static final int MAX_ITEMS = 200;
    static final int MAX_BYTES = 16 * 1024;
    static final int MAX_DEPTH = 10;

    private final JsonMapper json;

    ReglasEspecificaciones(JsonMapper json) {
        this.json = json;
    }

    record Resultado(ObjectNode especificaciones, List<FieldError> errores) {}

    Resultado aplicar(ObjectNode input) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null) {
            return new Resultado(json.createObjectNode(), errors);
        }
        ObjectNode normalized = object(input, "especificaciones", 1, errors);
        if (errors.isEmpty()
                && json.writeValueAsString(normalized).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.add(FieldError.of("especificaciones", "must not be larger than 16 KiB"));
        }
        return new Resultado(normalized, errors);
    }

    /** Whether a free text (notas) holds something that looks like a recovery key or private key. */
    static boolean pareceSecreto(String text) {
        return DetectorSecretos.pareceSecreto(text);
    }

    private ObjectNode object(ObjectNode input, String path, int depth, List<FieldError> errors) {
        ObjectNode out = json.createObjectNode();
        if (depth > MAX_DEPTH) {
            errors.add(FieldError.of(path, "must not nest deeper than " + MAX_DEPTH + " levels"));
            return out;
        }
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            String key = ClavesEspecificacion.normalizar(field.getKey());
            String at = path + "." + key;
            if (DetectorSecretos.claveSensible(field.getKey())
                    || DetectorSecretos.claveSensible(at.substring("especificaciones.".length()))) {
                errors.add(FieldError.of(key.isEmpty() ? path : at, DetectorSecretos.MENSAJE_CLAVE));
            } else if (key.isEmpty()) {
                errors.add(FieldError.of(path, "has a key with no letters or digits"));
            } else if (key.length() > ClavesEspecificacion.MAX_LENGTH) {
                errors.add(FieldError.of(at, "key is longer than " + ClavesEspecificacion.MAX_LENGTH + " characters"));

            } else if (out.has(key)) {
                errors.add(FieldError.of(at, "is given twice (keys are compared after normalisation)"));
            } else {
                out.set(key, value(field.getValue(), at, depth, errors));
            }
        }
        return out;
    }

    private JsonNode value(JsonNode value, String path, int depth, List<FieldError> errors) {
        if (value.isObject()) {
            return object((ObjectNode) value, path, depth + 1, errors);
        }
        if (value.isArray()) {
            ArrayNode out = json.createArrayNode();
            if (depth + 1 > MAX_DEPTH) {
                errors.add(FieldError.of(path, "must not nest deeper than " + MAX_DEPTH + " levels"));
                return out;
            }
            if (value.size() > MAX_ITEMS) {
                errors.add(FieldError.of(path, "must not have more than " + MAX_ITEMS + " items"));
                return out;
            }
            for (int i = 0; i < value.size(); i++) {
                out.add(value(value.get(i), path + "[" + i + "]", depth + 1, errors));
            }
            return out;
        }
        if (value.isString()) {
            String text = value.asString();
            if (text.length() > MAX_STRING) {
                errors.add(FieldError.of(path, "must not be longer than " + MAX_STRING + " characters"));
            } else if (text.indexOf('\u0000') >= 0) {
                errors.add(FieldError.of(path, "must not contain NUL characters"));
            } else if (pareceSecreto(text)) {
                errors.add(FieldError.of(path, DetectorSecretos.MENSAJE_VALOR));
            } else {
                String normalizado = Unidades.normalizar(text);
                return normalizado.equals(text) ? value : json.getNodeFactory().stringNode(normalizado);
            }
        } else if (value.isNumber() && pareceSecreto(value.asString())) {
            errors.add(FieldError.of(path, DetectorSecretos.MENSAJE_VALOR));
        }
        return value;
    }
}
