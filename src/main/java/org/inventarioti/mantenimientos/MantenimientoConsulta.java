package org.inventarioti.mantenimientos;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SortKey;
import org.inventarioti.listing.SqlFilter;

/** Filters and sorts of the maintenance lists, written as the SQL their indexes serve (see V6). */
final class MantenimientoConsulta {

    static final Set<String> FILTERS =
            Set.of("activo_id", "tipo", "estado", "tecnico_id", "desde", "hasta", "pendientes_hasta", "vencidos");
    static final Set<String> REPEATABLE = Set.of("tipo", "estado");
    private static final String FECHA = "coalesce(m.fecha_programada, '-infinity'::date)";
    private static final String ABIERTO = "m.estado IN ('programado', 'en_progreso')";

    static final Sort.Keys SORTS = new Sort.Keys(List.of(
            SortKey.unique("id", "m.id", "bigint"),
            SortKey.of("fecha_programada", FECHA, "date"),
            SortKey.of("estado", "m.estado", "text"),
            SortKey.of("tipo", "m.tipo", "text"),
            SortKey.of("titulo", "lower(m.titulo)", "text"),
            SortKey.of("created_at", "m.created_at", "timestamptz")));
    static final Sort DEFAULT_SORT = SORTS.by("fecha_programada", true);

    private MantenimientoConsulta() {}

    static ListParams params(Map<String, List<String>> query, Set<String> filters) {
        return ListParams.of(query, filters, REPEATABLE, false);
    }

    /** The maintenance list of one asset (the asset filter is the path's, not a parameter). */
    static ListPage<Mantenimiento> deActivo(
            MantenimientoRepository repository, long activoId, Map<String, List<String>> query) {
        Set<String> filters = new HashSet<>(FILTERS);
        filters.remove("activo_id");
        ListParams params = params(query, filters);
        var filter = filter(params).add("m.activo_id = ?", activoId);
        return repository.listar(filter, SORTS.parse(params.sort(), DEFAULT_SORT), params);
    }

    static SqlFilter filter(ListParams params) {
        SqlFilter filter = new SqlFilter();
        params.number("activo_id").ifPresent(id -> filter.add("m.activo_id = ?", id));
        params.number("tecnico_id").ifPresent(id -> filter.add("m.tecnico_id = ?", id));
        List<String> tipos = params.all("tipo");
        tipos.forEach(t -> ListParams.oneOf("tipo", t, Set.copyOf(Mantenimiento.TIPOS)));
        if (!tipos.isEmpty()) {
            filter.add("m.tipo IN (:v)", Map.of("v", tipos));
        }
        List<String> estados = params.all("estado");
        estados.forEach(e -> ListParams.oneOf("estado", e, Set.copyOf(Mantenimiento.ESTADOS)));
        if (!estados.isEmpty()) {
            filter.add("m.estado IN (:v)", Map.of("v", estados));
        }
        params.date("desde").ifPresent(d -> filter.add(FECHA + " >= ?", d));
        params.date("hasta").ifPresent(d -> {
            filter.add(FECHA + " > '-infinity'::date");
            filter.add(FECHA + " <= ?", d);
        });
        params.date("pendientes_hasta").ifPresent(d -> {
            filter.add(ABIERTO);
            filter.add(FECHA + " > '-infinity'::date");
            filter.add(FECHA + " <= ?", d);
        });
        params.bool("vencidos").ifPresent(overdue -> {
            String vencido = ABIERTO + " AND " + FECHA + " > '-infinity'::date AND " + FECHA + " < current_date";
            filter.add(overdue ? vencido : "NOT (" + vencido + ")");
        });
        return filter;
    }
}
