package org.inventarioti.mantenimientos;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Listing;
import org.inventarioti.listing.Records;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SqlFilter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class MantenimientoRepository {

    static final String SELECT = """
            SELECT m.id, m.activo_id, a.codigo AS activo_codigo, m.tipo, m.titulo, m.descripcion, m.estado,
                   m.fecha_programada, m.fecha_completado, m.tecnico_id, u.nombre AS tecnico, m.costo, m.notas,
                   m.checklist::text AS checklist, m.plan_id,
                   (m.estado IN ('programado', 'en_progreso') AND m.fecha_programada < current_date) AS vencido,
                   m.version, m.created_at, m.created_by, m.updated_at, m.updated_by
            FROM mantenimientos m
            JOIN activos a ON a.id = m.activo_id
            LEFT JOIN usuarios u ON u.id = m.tecnico_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<Mantenimiento> rows;
    private final Listing listing;

    MantenimientoRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = Records.rowMapper(Mantenimiento.class, json);
        this.listing = new Listing(jdbc, SELECT, "FROM mantenimientos m", "m.id");
    }

    ListPage<Mantenimiento> listar(SqlFilter filter, Sort sort, ListParams params) {
        return listing.run(filter, sort, params, rows);
    }

    Optional<Mantenimiento> findById(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = ?").param(id).query(rows).optional();
    }

    /** The id of a maintenance of this asset that is in progress, if any. */
    Optional<Long> enProgreso(long activoId) {
        return jdbc.sql(
                        "SELECT id FROM mantenimientos WHERE activo_id = ? AND estado = 'en_progreso' ORDER BY id LIMIT 1")
                .param(activoId)
                .query(Long.class)
                .optional();
    }

    /** {@link #enProgreso(long)} of many assets: asset id → the lowest id of one in progress. */
    Map<Long, Long> enProgreso(java.util.Collection<Long> activoIds) {
        Map<Long, Long> found = new java.util.HashMap<>();
        jdbc.sql("SELECT activo_id, min(id) FROM mantenimientos WHERE activo_id IN (:ids) AND estado = 'en_progreso'"
                        + " GROUP BY activo_id")
                .param("ids", List.copyOf(activoIds))
                .query(rs -> {
                    found.put(rs.getLong(1), rs.getLong(2));
                });
        return found;
    }

    /** The asset's maintenance records as stored, for the audit trail of a deletion. */
    List<Map.Entry<Long, JsonNode>> almacenados(long activoId) {
        return jdbc.sql("SELECT id, to_jsonb(m)::text FROM mantenimientos m WHERE activo_id = ? ORDER BY id")
                .param(activoId)
                .query((rs, n) -> Map.entry(rs.getLong(1), json.readTree(rs.getString(2))))
                .list();
    }

    long insert(MantenimientoRequest m, String actor) {
        return jdbc.sql("""
                        INSERT INTO mantenimientos (activo_id, tipo, titulo, descripcion, estado, fecha_programada,
                                                    fecha_completado, tecnico_id, costo, notas, checklist, created_by,
                                                    updated_by)
                        VALUES (:activoId, :tipo, :titulo, :descripcion, :estado, :fechaProgramada, :fechaCompletado,
                                :tecnicoId, :costo, :notas, CAST(:checklistJson AS jsonb), :actor, :actor)
                        RETURNING id""")
                .paramSource(params(m, actor, Map.of()))
                .query(Long.class)
                .single();
    }

    boolean update(long id, int version, MantenimientoRequest m, String actor) {
        return jdbc.sql("""
                                UPDATE mantenimientos SET tipo = :tipo, titulo = :titulo, descripcion = :descripcion,
                                       estado = :estado, fecha_programada = :fechaProgramada,
                                       fecha_completado = :fechaCompletado, tecnico_id = :tecnicoId, costo = :costo,
                                       notas = :notas, checklist = CAST(:checklistJson AS jsonb),
                                       version = version + 1, updated_at = now(), updated_by = :actor
                                WHERE id = :id AND version = :version""")
                        .paramSource(params(m, actor, Map.of("id", id, "version", version)))
                        .update()
                == 1;
    }

    boolean delete(long id, Integer version) {
        if (version == null) {
            return jdbc.sql("DELETE FROM mantenimientos WHERE id = ?").param(id).update() == 1;
        }
        return jdbc.sql("DELETE FROM mantenimientos WHERE id = ? AND version = ?")
                        .params(id, version)
                        .update()
                == 1;
    }

    private SqlParameterSource params(MantenimientoRequest m, String actor, Map<String, ?> extra) {
        Map<String, Object> all = new java.util.HashMap<>(extra);
        all.put("actor", actor);
        all.put("checklistJson", m.checklist() == null ? null : json.writeValueAsString(m.checklist()));
        return Records.params(m, json, all);
    }
}
