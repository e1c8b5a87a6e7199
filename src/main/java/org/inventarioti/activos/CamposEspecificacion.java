package org.inventarioti.activos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The especificaciones fields a category's JSON Schema describes, for the form and the detail
 * page: label ({@code title}, else the key), help ({@code description}), unit ({@code x-unidad},
 * {@code x-unit} or {@code unit}), type (string, number, integer, boolean; {@code enum} as a
 * choice), whether it is required, and its bounds. Properties of other types (objects, arrays)
 * are left to the free key/value rows.
 */
final class CamposEspecificacion {

    static final List<String> CLAVES_UNIDAD = List.of("x-unidad", "x-unit", "unit", "unidad");
    private static final Pattern ENTERO = Pattern.compile("-?\\d{1,18}");
    private static final JsonNodeFactory NODOS = JsonNodeFactory.instance;

    private CamposEspecificacion() {}

    /** One generated field; {@code tipo} is string, number, integer, boolean or enum. */
    record Campo(
            String clave,
            String etiqueta,
            String descripcion,
            String tipo,
            boolean requerido,
            List<JsonNode> valores,
            String unidad,
            String minimo,
            String maximo,
            Integer maxLongitud) {

        public String nombre() {
            return "especificaciones." + clave;
        }

        public String id() {
            return "esp-" + clave;
        }

        /** The enum choices as the select shows and sends them. */
        public List<String> opciones() {
            return valores.stream().map(CamposEspecificacion::texto).toList();
        }

        public String tipoInput() {
            return tipo.equals("number") || tipo.equals("integer") ? "number" : "text";
        }

        public String paso() {
            return tipo.equals("integer") ? "1" : "any";
        }

        /** The JSON value for what was typed (empty: absent); text that does not parse is sent as text, for the schema to refuse. */
        Optional<JsonNode> valor(String escrito) {
            if (escrito == null || escrito.isBlank()) {
                return Optional.empty();
            }
            String v = escrito.strip();
            JsonNode tipado = switch (tipo) {
                case "integer" -> ENTERO.matcher(v).matches() ? NODOS.numberNode(Long.parseLong(v)) : null;
                case "number" -> decimal(v);
                case "boolean" ->
                    v.equals("true") || v.equals("false") ? NODOS.booleanNode(Boolean.parseBoolean(v)) : null;
                case "enum" ->
                    valores.stream().filter(n -> texto(n).equals(v)).findFirst().orElse(null);
                default -> null;
            };
            return Optional.of(tipado != null ? tipado : NODOS.stringNode(v));
        }
    }

    /** The fields of a schema, in the schema's order. */
    static List<Campo> de(JsonNode esquema) {
        List<Campo> campos = new ArrayList<>();
        JsonNode propiedades = esquema == null ? null : esquema.get("properties");
        if (propiedades == null || !propiedades.isObject()) {
            return campos;
        }
        Set<String> requeridos = new HashSet<>();
        JsonNode required = esquema.get("required");
        if (required != null && required.isArray()) {
            required.forEach(r -> requeridos.add(r.asString("")));
        }
        for (Map.Entry<String, JsonNode> propiedad : propiedades.properties()) {
            JsonNode p = propiedad.getValue();
            if (!p.isObject()) {
                continue;
            }
            String tipo = tipo(p);
            if (tipo == null) {
                continue;
            }
            List<JsonNode> valores = new ArrayList<>();
            JsonNode enumerados = p.get("enum");
            if (enumerados != null && enumerados.isArray()) {
                enumerados.forEach(valores::add);
            }
            String clave = propiedad.getKey();
            campos.add(new Campo(
                    clave,
                    texto(p, "title").orElse(legible(clave)),
                    texto(p, "description").orElse(null),
                    tipo,
                    requeridos.contains(clave),
                    List.copyOf(valores),
                    CLAVES_UNIDAD.stream()
                            .map(k -> texto(p, k))
                            .flatMap(Optional::stream)
                            .findFirst()
                            .orElse(null),
                    numero(p, "minimum"),
                    numero(p, "maximum"),
                    p.get("maxLength") != null && p.get("maxLength").canConvertToInt()
                            ? p.get("maxLength").intValue()
                            : null));
        }
        return campos;
    }

    /** A value as text: strings as they are, anything else as compact JSON. */
    static String texto(JsonNode valor) {
        if (valor == null || valor.isNull() || valor.isMissingNode()) {
            return "";
        }
        return valor.isString() ? valor.asString() : valor.toString();
    }

    /** {@code numero_puertos} reads "Numero puertos". */
    static String legible(String clave) {
        String texto = clave.replace('_', ' ').strip();
        return texto.isEmpty() ? clave : texto.substring(0, 1).toUpperCase(Locale.ROOT) + texto.substring(1);
    }

    private static String tipo(JsonNode propiedad) {
        JsonNode e = propiedad.get("enum");
        if (e != null && e.isArray() && !e.isEmpty()) {
            boolean escalares = true;
            for (JsonNode v : e) {
                escalares &= v.isValueNode() && !v.isNull();
            }
            return escalares ? "enum" : null;
        }
        JsonNode type = propiedad.get("type");
        String nombre = null;
        if (type != null && type.isString()) {
            nombre = type.asString();
        } else if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (t.isString() && !t.asString().equals("null")) {
                    nombre = t.asString();
                    break;
                }
            }
        } else if (type == null) {
            nombre = "string";
        }
        return nombre != null
                        && Set.of("string", "number", "integer", "boolean").contains(nombre)
                ? nombre
                : null;
    }

    private static JsonNode decimal(String v) {
        try {
            return NODOS.numberNode(new BigDecimal(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<String> texto(JsonNode nodo, String clave) {
        JsonNode v = nodo.get(clave);
        return v != null && v.isString() && !v.asString().isBlank()
                ? Optional.of(v.asString().strip())
                : Optional.empty();
    }

    private static String numero(JsonNode nodo, String clave) {
        JsonNode v = nodo.get(clave);
        return v != null && v.isNumber() ? v.asString() : null;
    }
}
