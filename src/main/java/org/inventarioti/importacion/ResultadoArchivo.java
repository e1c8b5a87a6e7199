package org.inventarioti.importacion;

import java.util.List;
import java.util.Map;

/**
 * The preview or the result of a spreadsheet import: the file (name, format, SHA-256), the
 * options, the column mapping, the counts (rows read = to create + to update + unchanged +
 * refused), the reasons rows were refused with how many, and the first rows that are not
 * unchanged with each cell's problem. {@code estado}: {@code simulacion} (the preview, nothing
 * written), {@code completada}, {@code rechazada} (all-or-nothing with refused rows: nothing
 * written).
 */
public record ResultadoArchivo(
        String id,
        String archivo,
        String formato,
        String sha256,
        boolean simulacion,
        String modo,
        String clave,
        boolean todoONada,
        String estado,
        String mensaje,
        boolean escrito,
        long filas,
        long creadas,
        long actualizadas,
        long sinCambios,
        long rechazadas,
        List<Mapeo.Columna> columnas,
        Map<String, Long> motivos,
        List<String> avisos,
        List<FilaResultado> ejemplos,
        double segundos) {

    /** A row (number in the file, the header being row 1), what it became, and its cells' problems. */
    public record FilaResultado(long fila, String resultado, String clave, List<FilaActivo.Problema> problemas) {}

    /** Rows read = created + updated + unchanged + refused. */
    public boolean cuadra() {
        return filas == creadas + actualizadas + sinCambios + rechazadas;
    }
}
