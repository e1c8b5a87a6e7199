package org.inventarioti.reportes;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detail export's especificaciones, one column per key: the union of the keys of the
 * exported assets' categories' schemas and of the keys the exported assets hold (so one
 * category gives its own keys, several give all of theirs), in alphabetical order, each headed
 * {@code spec.<key>} as the spreadsheet import reads it back. A number is a real number, other
 * values their text (nested values as JSON); text that is not a JSON object (a V2.x database's
 * legacy text) fills no column.
 */
record ColumnasEspecificacion(List<String> claves) {

    static final String PREFIJO = "spec.";

    String[] cabecera() {
        return claves.stream().map(k -> PREFIJO + k).toArray(String[]::new);
    }

    /** The asset's fields without the especificaciones text, then one value per key. */
    Object[] valores(FilaDetalle fila, JsonMapper json) {
        Object[] campos = fila.valores();
        int base = campos.length - 1;
        Object[] valores = new Object[base + claves.size()];
        System.arraycopy(campos, 0, valores, 0, base);
        JsonNode especificaciones = objeto(fila.especificaciones(), json);
        if (especificaciones != null) {
            for (int i = 0; i < claves.size(); i++) {
                valores[base + i] = celda(especificaciones.get(claves.get(i)), json);
            }
        }
        return valores;
    }

    static JsonNode objeto(String texto, JsonMapper json) {
        if (texto == null || texto.isBlank()) {
            return null;
        }
        try {
            JsonNode nodo = json.readTree(texto);
            return nodo.isObject() ? nodo : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Object celda(JsonNode valor, JsonMapper json) {
        if (valor == null || valor.isNull()) {
            return null;
        }
        if (valor.isNumber()) {
            return valor.isIntegralNumber() ? (Object) valor.bigIntegerValue() : valor.decimalValue();
        }
        if (valor.isValueNode()) {
            return valor.asString();
        }
        return json.writeValueAsString(valor);
    }
}
