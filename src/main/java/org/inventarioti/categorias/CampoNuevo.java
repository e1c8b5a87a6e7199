package org.inventarioti.categorias;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inventarioti.errors.FieldError;
import org.inventarioti.secretos.DetectorSecretos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The common schema change, adding one specification field: its key (normalised), type, label,
 * unit ({@code x-unidad}), whether it is required and its allowed values ({@code enum}, typed),
 * and optionally the value to give the category's existing assets that lack it. Its rules, each
 * refusal a field error with a code the form words: {@link #problemas}.
 */
public record CampoNuevo(
        String clave,
        String tipo,
        String titulo,
        String unidad,
        boolean obligatorio,
        List<String> valores,
        String valorPorDefecto) {

    public static final List<String> TIPOS = List.of("string", "number", "integer", "boolean");

    public CampoNuevo {
        clave = clave == null ? "" : ClavesEspecificacion.normalizar(clave);
        tipo = tipo == null ? "" : tipo.strip();
        titulo = vacioANulo(titulo);
        unidad = vacioANulo(unidad);
        valores = valores == null
                ? List.of()
                : valores.stream()
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList();
        valorPorDefecto = vacioANulo(valorPorDefecto);
    }

    /** Everything wrong with the field for this schema; empty when it can be added. */
    List<FieldError> problemas(JsonNode esquema) {
        List<FieldError> errores = new ArrayList<>();
        if (clave.isEmpty() || clave.length() > ClavesEspecificacion.MAX_LENGTH) {
            errores.add(FieldError.of("clave", "must be a key of 1 to 64 letters, digits or _", "clave", List.of()));
        } else if (DetectorSecretos.claveSensible(clave)) {
            errores.add(FieldError.of(
                    "clave", "names a secret, which especificaciones never hold", "claveSecreta", List.of()));
        } else if (esquema.path("properties").has(clave)) {
            errores.add(FieldError.of("clave", "is already a field of the schema", "claveExiste", List.of(clave)));
        }
        if (!TIPOS.contains(tipo)) {
            errores.add(FieldError.of("tipo", "must be one of: " + String.join(", ", TIPOS), "tipo", List.of()));
            return errores;
        }
        for (String valor : valores) {
            if (valor(valor) == null) {
                errores.add(FieldError.of("valores", "'" + valor + "' is not a " + tipo, "valorTipo", List.of(valor)));
            }
        }
        if (valorPorDefecto != null) {
            JsonNode v = valor(valorPorDefecto);
            if (v == null) {
                errores.add(
                        FieldError.of("valor_por_defecto", "is not a " + tipo, "valorTipo", List.of(valorPorDefecto)));
            } else if (!valores.isEmpty() && !enumerados().contains(v)) {
                errores.add(FieldError.of(
                        "valor_por_defecto", "must be one of the allowed values", "valorNoPermitido", List.of()));
            }
        }
        return errores;
    }

    /** The schema with the field added (and required, when it is). */
    ObjectNode en(JsonNode esquema) {
        ObjectNode nuevo = ((ObjectNode) esquema).deepCopy();
        ObjectNode propiedad = nuevo.withObjectProperty("properties").putObject(clave);
        propiedad.put("type", tipo);
        if (titulo != null) {
            propiedad.put("title", titulo);
        }
        if (unidad != null) {
            propiedad.put("x-unidad", unidad);
        }
        if (!valores.isEmpty()) {
            propiedad.putArray("enum").addAll(enumerados());
        }
        if (obligatorio) {
            nuevo.withArrayProperty("required").add(clave);
        }
        return nuevo;
    }

    /** The value for the assets that lack the field, typed, or null. */
    JsonNode porDefecto() {
        return valorPorDefecto == null ? null : valor(valorPorDefecto);
    }

    private List<JsonNode> enumerados() {
        return valores.stream().map(this::valor).toList();
    }

    /** {@code texto} as a value of the field's type, or null when it is not one. */
    private JsonNode valor(String texto) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String t = texto.strip();
        try {
            return switch (tipo) {
                case "integer" -> f.numberNode(new BigDecimal(t.replace(',', '.')).toBigIntegerExact());
                case "number" -> f.numberNode(new BigDecimal(t.replace(',', '.')));
                case "boolean" ->
                    switch (t.toLowerCase(Locale.ROOT)) {
                        case "true", "sí", "si", "yes" -> f.booleanNode(true);
                        case "false", "no" -> f.booleanNode(false);
                        default -> null;
                    };
                default -> f.stringNode(t);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static String vacioANulo(String texto) {
        return texto == null || texto.isBlank() ? null : texto.strip();
    }
}
