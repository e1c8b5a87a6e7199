package org.inventarioti.auditoria;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Listing;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SortKey;
import org.inventarioti.listing.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail: newest first by default, filtered by entity, user, action and time. */
@Repository
class AuditoriaConsulta {

    static final Set<String> FILTERS =
            Set.of("entidad", "entidad_id", "activo", "actor", "actor_id", "accion", "desde", "hasta");

    /** An asset row's code, without case: its creation (or deletion) names it; served by V43's index. */
    static final String CODIGO = "upper(coalesce(despues->>'codigo', antes->>'codigo'))";

    /** The asset a maintenance row names (its creation always does); served by V43's index. */
    static final String ACTIVO_DE_MANTENIMIENTO = "coalesce(despues->>'activo_id', antes->>'activo_id')";

    private static final Sort.Keys SORTS = new Sort.Keys(List.of(SortKey.unique("id", "au.id", "bigint")));
    private static final Sort NEWEST_FIRST = SORTS.by("id", true);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Listing listing;

    AuditoriaConsulta(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.listing = new Listing(jdbc, """
                SELECT au.id, au.ocurrido_en, au.actor_id, au.actor_email, au.accion, au.entidad, au.entidad_id,
                       au.antes::text AS antes, au.despues::text AS despues, au.request_id, au.direccion_cliente
                FROM auditoria au""", "FROM auditoria au", "au.id");
    }

    ListPage<AuditoriaService.Entrada> consultar(Map<String, List<String>> query) {
        ListParams params = ListParams.of(query, FILTERS);
        SqlFilter filter = new SqlFilter();
        params.text("entidad").ifPresent(v -> filter.add("au.entidad = ?", v));
        params.text("entidad_id").ifPresent(v -> filter.add("au.entidad_id = ?", v));
        params.text("activo").ifPresent(codigo -> delActivo(codigo, filter));
        params.text("actor").ifPresent(v -> filter.add("lower(au.actor_email) = ?", v.toLowerCase(Locale.ROOT)));
        params.number("actor_id").ifPresent(v -> filter.add("au.actor_id = ?", v));
        params.text("accion").ifPresent(v -> filter.add("au.accion = ?", v));
        params.timestamp("desde").ifPresent(v -> filter.add("au.ocurrido_en >= ?", v));
        params.timestamp("hasta").ifPresent(v -> filter.add("au.ocurrido_en < ?", v));
        return listing.run(filter, SORTS.parse(params.sort(), NEWEST_FIRST), params, this::map);
    }

    /**
     * The rows of the asset people know by {@code codigo} and of its maintenance records. An
     * update records only what changed, so the ids are found first (the asset's through the rows
     * naming its code, its records' through the rows naming the asset), then the rows by id.
     */
    private void delActivo(String codigo, SqlFilter filter) {
        List<String> activos = jdbc.sql(
                        "SELECT DISTINCT entidad_id FROM auditoria WHERE entidad = 'activo' AND " + CODIGO + " = ?")
                .param(codigo.toUpperCase(Locale.ROOT))
                .query(String.class)
                .list();
        List<String> mantenimientos = activos.isEmpty()
                ? List.of()
                : jdbc.sql("SELECT DISTINCT entidad_id FROM auditoria WHERE entidad = 'mantenimiento' AND "
                                + ACTIVO_DE_MANTENIMIENTO + " IN (:activos)")
                        .param("activos", activos)
                        .query(String.class)
                        .list();
        if (activos.isEmpty()) {
            filter.add("false");
        } else if (mantenimientos.isEmpty()) {
            filter.add("au.entidad = 'activo' AND au.entidad_id IN (:v)", Map.of("v", activos));
        } else {
            filter.add(
                    "((au.entidad = 'activo' AND au.entidad_id IN (:v)) OR (au.entidad = 'mantenimiento' AND au.entidad_id IN (:w)))",
                    Map.of("v", activos, "w", mantenimientos));
        }
    }

    ListPage<AuditoriaService.Entrada> historial(String entidad, Object entidadId, Map<String, List<String>> query) {
        ListParams params = ListParams.of(query, Set.of());
        SqlFilter filter =
                new SqlFilter().add("au.entidad = ?", entidad).add("au.entidad_id = ?", String.valueOf(entidadId));
        return listing.run(filter, SORTS.parse(params.sort(), NEWEST_FIRST), params, this::map);
    }

    private AuditoriaService.Entrada map(ResultSet rs, int row) throws SQLException {
        long actorId = rs.getLong("actor_id");
        return new AuditoriaService.Entrada(
                rs.getLong("id"),
                rs.getObject("ocurrido_en", OffsetDateTime.class),
                rs.wasNull() ? null : actorId,
                rs.getString("actor_email"),
                rs.getString("accion"),
                rs.getString("entidad"),
                rs.getString("entidad_id"),
                tree(rs.getString("antes")),
                tree(rs.getString("despues")),
                rs.getString("request_id"),
                rs.getString("direccion_cliente"));
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
