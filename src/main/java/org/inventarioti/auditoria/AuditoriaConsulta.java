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

    static final Set<String> FILTERS = Set.of("entidad", "entidad_id", "actor", "actor_id", "accion", "desde", "hasta");
    private static final Sort.Keys SORTS = new Sort.Keys(List.of(SortKey.unique("id", "au.id", "bigint")));
    private static final Sort NEWEST_FIRST = SORTS.by("id", true);

    private final JsonMapper json;
    private final Listing listing;

    AuditoriaConsulta(JdbcClient jdbc, JsonMapper json) {
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
        params.text("actor").ifPresent(v -> filter.add("lower(au.actor_email) = ?", v.toLowerCase(Locale.ROOT)));
        params.number("actor_id").ifPresent(v -> filter.add("au.actor_id = ?", v));
        params.text("accion").ifPresent(v -> filter.add("au.accion = ?", v));
        params.timestamp("desde").ifPresent(v -> filter.add("au.ocurrido_en >= ?", v));
        params.timestamp("hasta").ifPresent(v -> filter.add("au.ocurrido_en < ?", v));
        return listing.run(filter, SORTS.parse(params.sort(), NEWEST_FIRST), params, this::map);
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
