package org.inventarioti.importacion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.inventarioti.categorias.ClavesEspecificacion;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One legacy especificaciones text made into our especificaciones: secrets stripped first, a
 * nested copy of the whole asset unwrapped, asset fields the original's form stored inside the
 * specs handed back to the asset, old key spellings renamed, empty values dropped, numbers typed
 * as the category's schema says. A text that is not a JSON object (or breaks the limits) goes to
 * quarantine, secret-free. Every decision is recorded.
 */
final class EspecificacionesLegado {

    /** Asset fields a spec key may name: the row's own ones and the fields the form put in the specs. */
    static final Set<String> CAMPOS = java.util.stream.Stream.concat(
                    ActivoLegado.CAMPOS.stream(), Set.of("id", "categoria_id", "numero_serie").stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Map<String, String> RENOMBRES =
            Map.of("disco_duro", "disco", "resolution", "resolucion", "size_inches", "pulgadas");
    private static final int MAX_STRING = 1024;
    private static final int MAX_ITEMS = 200;
    private static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_DEPTH = 10;

    private final JsonMapper json;
    private final Registro registro;

    EspecificacionesLegado(JsonMapper json, Registro registro) {
        this.json = json;
        this.registro = registro;
    }

    /**
     * {@code campos}: asset fields found inside the specs (normalised key → text), for the caller
     * to move out; {@code cuarentena}/{@code motivo}: set when the text is quarantined.
     */
    record Resultado(
            ObjectNode especificaciones, Map<String, String> campos, String cuarentena, String motivo, int secretos) {}

    Resultado convertir(String texto, JsonNode esquema, String codigo) {
        Secretos secretos = new Secretos();
        if (texto == null || texto.isBlank()) {
            return new Resultado(json.createObjectNode(), Map.of(), null, null, 0);
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(texto);
        } catch (JacksonException e) {
            String limpio = secretos.texto(texto);
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            registro.decision("especificaciones", "invalid JSON", "quarantined", codigo);
            return new Resultado(
                    json.createObjectNode(), Map.of(), limpio, "invalid JSON" + where, secretos.quitados());
        }
        if (parsed.isString() && parsed.asString().trim().startsWith("{")) {
            try {
                parsed = json.readTree(parsed.asString());
                registro.decision("especificaciones", "JSON text inside a JSON string", "unwrapped", codigo);
            } catch (JacksonException e) {
                // stays a string: quarantined below
            }
        }
        secretos.limpiar(parsed);
        if (!(parsed instanceof ObjectNode object)) {
            String type = parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            registro.decision("especificaciones", "JSON " + type, "quarantined", codigo);
            return new Resultado(
                    json.createObjectNode(),
                    Map.of(),
                    json.writeValueAsString(parsed),
                    "JSON " + type + " is not an object",
                    secretos.quitados());
        }
        Map<String, String> campos = new LinkedHashMap<>();
        ObjectNode specs = desanidar(object, campos, secretos, codigo);
        ObjectNode out = json.createObjectNode();
        for (String name : new ArrayList<>(specs.propertyNames())) {
            poner(out, name, specs.get(name), esquema, campos, codigo);
        }
        String limite = limites(out, "especificaciones", 1);
        if (limite == null && json.writeValueAsString(out).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            limite = "is larger than 16 KiB";
        }
        if (limite != null) {
            registro.decision("especificaciones", "beyond the limits", "quarantined", codigo);
            return new Resultado(
                    json.createObjectNode(),
                    campos,
                    json.writeValueAsString(object),
                    "exceeds the especificaciones limits: " + limite,
                    secretos.quitados());
        }
        return new Resultado(out, campos, null, null, secretos.quitados());
    }

    /** Old rows hold a copy of the whole asset with the real specs under "especificaciones". */
    private ObjectNode desanidar(ObjectNode object, Map<String, String> campos, Secretos secretos, String codigo) {
        ObjectNode current = object;
        while (current.get("especificaciones") != null
                && current.propertyNames().stream().anyMatch(k -> CAMPOS.contains(Claves.normalizar(k)))) {
            JsonNode inner = current.get("especificaciones");
            if (inner.isString()) {
                try {
                    inner = secretos.limpiar(json.readTree(inner.asString()));
                } catch (JacksonException e) {
                    return current;
                }
            }
            if (!(inner instanceof ObjectNode nested)) {
                return current;
            }
            registro.decision("especificaciones", "copy of the whole asset", "nested especificaciones used", codigo);
            for (String name : current.propertyNames()) {
                String key = Claves.normalizar(name);
                JsonNode value = current.get(name);
                if (name.equals("especificaciones")) {
                    continue;
                }
                if (CAMPOS.contains(key)) {
                    if (value.isValueNode() && !value.isNull()) {
                        campos.putIfAbsent(key, value.asString());
                    }
                } else if (!nested.has(name)) {
                    nested.set(name, value);
                }
            }
            current = nested;
        }
        return current;
    }

    private void poner(
            ObjectNode out, String name, JsonNode value, JsonNode esquema, Map<String, String> campos, String codigo) {
        String key = Claves.normalizar(name);
        if (value.isNull() || value.isString() && value.asString().isBlank()) {
            registro.decision("especificaciones", "empty value of " + key, "dropped", codigo);
            return;
        }
        if (CAMPOS.contains(key) && value.isValueNode()) {
            if (!campos.containsKey(key)) {
                campos.put(key, value.asString());
                return;
            }
        }
        String renamed = RENOMBRES.getOrDefault(key, key);
        if (!renamed.equals(key)) {
            if (out.has(renamed) || hasNormalized(out, renamed)) {
                renamed = key;
            } else {
                registro.decision("especificaciones", "key " + key, "renamed to " + renamed, codigo);
            }
        }
        JsonNode typed = tipar(renamed, value, esquema, codigo);
        if (!key.equals(name)) {
            registro.decision("especificaciones", "key " + name, "normalised to " + key, codigo);
        }
        String target = renamed;
        for (int n = 2; out.has(target); n++) {
            if (out.get(target).equals(typed)) {
                return;
            }
            target = renamed + "_" + n;
        }
        if (!target.equals(renamed)) {
            registro.decision("especificaciones", "key " + renamed + " given twice", "kept as " + target, codigo);
        }
        out.set(target, normalizarAnidado(typed));
    }

    private static boolean hasNormalized(ObjectNode out, String key) {
        return out.propertyNames().stream().anyMatch(k -> Claves.normalizar(k).equals(key));
    }

    /** Keys at every depth in snake_case too (the product normalises them the same way). */
    private JsonNode normalizarAnidado(JsonNode value) {
        if (value instanceof ObjectNode object) {
            ObjectNode out = json.createObjectNode();
            for (String name : object.propertyNames()) {
                String key = Claves.normalizar(name);
                String target = key;
                for (int n = 2; out.has(target); n++) {
                    target = key + "_" + n;
                }
                out.set(target, normalizarAnidado(object.get(name)));
            }
            return out;
        }
        if (value.isArray()) {
            var array = json.createArrayNode();
            value.forEach(item -> array.add(normalizarAnidado(item)));
            return array;
        }
        return value;
    }

    /** "24" for a number the schema types as number or integer; 16 for a string it types as string. */
    private JsonNode tipar(String key, JsonNode value, JsonNode esquema, String codigo) {
        JsonNode type =
                esquema == null ? null : esquema.path("properties").path(key).get("type");
        if (type == null || !type.isString()) {
            return value;
        }
        String wanted = type.asString();
        if ((wanted.equals("number") || wanted.equals("integer")) && value.isString()) {
            String text = value.asString().trim().replace(',', '.');
            try {
                java.math.BigDecimal number = new java.math.BigDecimal(text);
                JsonNode typed =
                        wanted.equals("integer") && number.stripTrailingZeros().scale() <= 0
                                ? json.getNodeFactory()
                                        .numberNode(number.toBigIntegerExact().longValueExact())
                                : json.getNodeFactory().numberNode(number);
                registro.decision("especificaciones", "number as text in " + key, "typed as a number", codigo);
                return typed;
            } catch (NumberFormatException | ArithmeticException e) {
                return value;
            }
        }
        if (wanted.equals("string") && (value.isNumber() || value.isBoolean())) {
            registro.decision("especificaciones", value.getNodeType() + " in " + key, "typed as text", codigo);
            return json.getNodeFactory().stringNode(value.asString());
        }
        return value;
    }

    /** The first limit of the product's especificaciones rules that {@code node} breaks, or null. */
    private static String limites(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return path + " nests deeper than " + MAX_DEPTH + " levels";
        }
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                if (name.isEmpty()) {
                    return path + " has a key with no letters or digits";
                }
                if (name.length() > ClavesEspecificacion.MAX_LENGTH) {
                    return path + " has a key longer than " + ClavesEspecificacion.MAX_LENGTH + " characters";
                }
                String found = limites(node.get(name), path + "." + name, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            if (node.size() > MAX_ITEMS) {
                return path + " has more than " + MAX_ITEMS + " items";
            }
            for (int i = 0; i < node.size(); i++) {
                String found = limites(node.get(i), path + "[" + i + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isString()) {
            String text = node.asString();
            if (text.length() > MAX_STRING) {
                return path + " is longer than " + MAX_STRING + " characters";
            }
            if (text.indexOf('\u0000') >= 0) {
                return path + " contains a NUL character";
            }
        }
        return null;
    }
}
