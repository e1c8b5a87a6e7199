package org.inventarioti.activos;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.inventarioti.auditoria.AuditoriaService.Cambio;
import tools.jackson.databind.JsonNode;

/**
 * What the asset's page shows beyond its plain fields: the especificaciones as its category's
 * schema names them, and its change history as field-by-field differences.
 */
final class DetalleActivo {

    /** Fields every change touches; the history leaves them out. */
    static final Set<String> SIN_INTERES =
            Set.of("id", "version", "created_at", "created_by", "updated_at", "updated_by", "categoria_id");

    /** Fields of an asset that have a label of their own (activos.campo.*). */
    static final Set<String> CON_ETIQUETA = Set.of(
            "codigo",
            "categoria",
            "nombre",
            "marca",
            "modelo",
            "numero_serie",
            "estado",
            "area",
            "ubicacion",
            "proveedor",
            "fecha_compra",
            "garantia_hasta",
            "precio",
            "moneda",
            "responsable",
            "notas",
            "bitlocker",
            "especificaciones");

    private DetalleActivo() {}

    /** One specification: label, value as text, unit, type, help; {@code enEsquema} false for keys the schema does not name. */
    record Dato(
            String clave, String etiqueta, String valor, String unidad, String tipo, String ayuda, boolean enEsquema) {}

    /** A changed field: its label key (null: show the name), its name, the value before and after. */
    record Diferencia(String mensaje, String nombre, String antes, String despues) {}

    record CambioVista(long id, OffsetDateTime cuando, String quien, String accion, List<Diferencia> diferencias) {}

    static List<Dato> especificaciones(List<CamposEspecificacion.Campo> campos, JsonNode valores) {
        List<Dato> datos = new ArrayList<>();
        Set<String> vistas = new TreeSet<>();
        for (CamposEspecificacion.Campo campo : campos) {
            vistas.add(campo.clave());
            JsonNode valor = valores == null ? null : valores.get(campo.clave());
            if (valor != null && !valor.isNull()) {
                datos.add(new Dato(
                        campo.clave(),
                        campo.etiqueta(),
                        CamposEspecificacion.texto(valor),
                        campo.unidad(),
                        valor.isBoolean() ? "boolean" : campo.tipo(),
                        campo.descripcion(),
                        true));
            }
        }
        if (valores != null && valores.isObject()) {
            for (Map.Entry<String, JsonNode> e : valores.properties()) {
                if (!vistas.contains(e.getKey())) {
                    datos.add(new Dato(
                            e.getKey(),
                            e.getKey(),
                            CamposEspecificacion.texto(e.getValue()),
                            null,
                            e.getValue().isBoolean() ? "boolean" : "string",
                            null,
                            false));
                }
            }
        }
        return datos;
    }

    static List<CambioVista> historial(List<Cambio> cambios) {
        return cambios.stream()
                .map(c -> new CambioVista(
                        c.id(),
                        c.ocurridoEn(),
                        c.actorEmail(),
                        c.accion(),
                        c.accion().equals("actualizar") ? diferencias(c.antes(), c.despues()) : List.of()))
                .toList();
    }

    static List<Diferencia> diferencias(JsonNode antes, JsonNode despues) {
        List<Diferencia> diferencias = new ArrayList<>();
        if (despues == null || !despues.isObject()) {
            return diferencias;
        }
        for (String campo : despues.propertyNames()) {
            if (SIN_INTERES.contains(campo)) {
                continue;
            }
            JsonNode a = antes == null ? null : antes.get(campo);
            JsonNode d = despues.get(campo);
            if (campo.equals("especificaciones") && (a == null || a.isObject()) && d != null && d.isObject()) {
                Set<String> claves = new TreeSet<>(d.propertyNames());
                if (a != null) {
                    claves.addAll(a.propertyNames());
                }
                for (String clave : claves) {
                    JsonNode va = a == null ? null : a.get(clave);
                    JsonNode vd = d.get(clave);
                    if (!Objects.equals(va, vd)) {
                        diferencias.add(new Diferencia(
                                null,
                                "especificaciones." + clave,
                                CamposEspecificacion.texto(va),
                                CamposEspecificacion.texto(vd)));
                    }
                }
            } else if (!Objects.equals(a, d)) {
                diferencias.add(new Diferencia(
                        CON_ETIQUETA.contains(campo) ? "activos.campo." + campo : null,
                        campo,
                        CamposEspecificacion.texto(a),
                        CamposEspecificacion.texto(d)));
            }
        }
        return diferencias;
    }
}
