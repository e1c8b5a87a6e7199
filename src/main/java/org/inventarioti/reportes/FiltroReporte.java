package org.inventarioti.reportes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inventarioti.errors.MalformedException;

/**
 * The filters every report accepts (all optional), named as the asset list's API parameters:
 * {@code categoria_id, estado, area, q, fecha_compra_desde, fecha_compra_hasta}. Text ({@code q})
 * is matched case-insensitively as a substring of codigo, nombre, marca, modelo or número de serie.
 */
public record FiltroReporte(
        Long categoria, String estado, String area, String texto, LocalDate compradoDesde, LocalDate compradoHasta) {

    static final List<String> PARAMETROS =
            List.of("categoria_id", "estado", "area", "q", "fecha_compra_desde", "fecha_compra_hasta");

    /** Reads the query parameters; a malformed number or date is a 400 naming the parameter. */
    public static FiltroReporte de(Map<String, String> query) {
        return new FiltroReporte(
                parse(query, "categoria_id", Long::valueOf),
                query.get("estado"),
                query.get("area"),
                query.get("q"),
                parse(query, "fecha_compra_desde", LocalDate::parse),
                parse(query, "fecha_compra_hasta", LocalDate::parse));
    }

    private static <T> T parse(Map<String, String> query, String name, java.util.function.Function<String, T> parser) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            throw new MalformedException("Query parameter '" + name + "' is malformed", name);
        }
    }

    /** The filters as query parameters, to carry them into export links. */
    public Map<String, String> parametros() {
        Map<String, String> params = new LinkedHashMap<>();
        if (categoria != null) {
            params.put("categoria_id", categoria.toString());
        }
        putIfSet(params, "estado", estado);
        putIfSet(params, "area", area);
        putIfSet(params, "q", texto);
        if (compradoDesde != null) {
            params.put("fecha_compra_desde", compradoDesde.toString());
        }
        if (compradoHasta != null) {
            params.put("fecha_compra_hasta", compradoHasta.toString());
        }
        return params;
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    public static final Set<String> ESTADOS =
            Set.of("Activo", "En mantenimiento", "En reparación", "En almacén", "Dado de baja");

    public static FiltroReporte ninguno() {
        return new FiltroReporte(null, null, null, null, null, null);
    }

    public FiltroReporte {
        estado = blankToNull(estado);
        area = blankToNull(area);
        texto = blankToNull(texto);
    }

    /** The WHERE clause over {@code activos a} (empty when no filter) and its named parameters. */
    record Sql(String where, Map<String, Object> params) {}

    Sql sql() {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (categoria != null) {
            conditions.add("a.categoria_id = :categoria");
            params.put("categoria", categoria);
        }
        if (estado != null) {
            conditions.add("a.estado = :estado");
            params.put("estado", estado);
        }
        if (area != null) {
            conditions.add("lower(coalesce(a.area, '')) = lower(:area)");
            params.put("area", area.strip());
        }
        if (texto != null) {
            conditions.add("activos_busqueda(a.nombre, a.marca, a.modelo, a.numero_serie, a.codigo, a.responsable,"
                    + " a.notas, a.especificaciones) LIKE inventario_sin_acentos(:texto)");
            params.put("texto", "%" + escapeLike(texto.strip()) + "%");
        }
        if (compradoDesde != null) {
            conditions.add("a.fecha_compra >= :desde");
            params.put("desde", compradoDesde);
        }
        if (compradoHasta != null) {
            conditions.add("a.fecha_compra <= :hasta");
            params.put("hasta", compradoHasta);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Sql(where, params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
