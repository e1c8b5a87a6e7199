package org.inventarioti.mantenimientos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.listing.ListPage;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Listing;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MantenimientoRepository {

    static final String SELECT = """
            SELECT m.id, m.activo_id, a.codigo AS activo_codigo, m.tipo, m.titulo, m.descripcion, m.estado,
                   m.fecha_programada, m.fecha_completado, m.tecnico_id, u.nombre AS tecnico, m.costo, m.notas,
                   (m.estado IN ('programado', 'en_progreso') AND m.fecha_programada < current_date) AS vencido,
                   m.version, m.created_at, m.created_by, m.updated_at, m.updated_by
            FROM mantenimientos m
            JOIN activos a ON a.id = m.activo_id
            LEFT JOIN usuarios u ON u.id = m.tecnico_id""";

    private final JdbcClient jdbc;
    private final Listing listing;

    MantenimientoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new Listing(jdbc, SELECT, "FROM mantenimientos m", "m.id");
    }

    ListPage<Mantenimiento> listar(SqlFilter filter, Sort sort, ListParams params) {
        return listing.run(filter, sort, params, MantenimientoRepository::map);
    }

    Optional<Mantenimiento> findById(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = ?")
                .param(id)
                .query(MantenimientoRepository::map)
                .optional();
    }

    boolean activoExiste(long activoId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM activos WHERE id = ?)")
                .param(activoId)
                .query(Boolean.class)
                .single();
    }

    boolean usuarioExiste(long usuarioId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM usuarios WHERE id = ?)")
                .param(usuarioId)
                .query(Boolean.class)
                .single();
    }

    long insert(MantenimientoRequest m, String actor) {
        return jdbc.sql("""
                        INSERT INTO mantenimientos (activo_id, tipo, titulo, descripcion, estado, fecha_programada,
                                                    fecha_completado, tecnico_id, costo, notas, created_by, updated_by)
                        VALUES (:activoId, :tipo, :titulo, :descripcion, :estado, :fechaProgramada, :fechaCompletado,
                                :tecnicoId, :costo, :notas, :actor, :actor)
                        RETURNING id""").params(params(m, actor)).query(Long.class).single();
    }

    boolean update(long id, int version, MantenimientoRequest m, String actor) {
        Map<String, Object> params = params(m, actor);
        params.put("id", id);
        params.put("version", version);
        return jdbc.sql("""
                                UPDATE mantenimientos SET tipo = :tipo, titulo = :titulo, descripcion = :descripcion,
                                       estado = :estado, fecha_programada = :fechaProgramada,
                                       fecha_completado = :fechaCompletado, tecnico_id = :tecnicoId, costo = :costo,
                                       notas = :notas, version = version + 1, updated_at = now(), updated_by = :actor
                                WHERE id = :id AND version = :version""").params(params).update() == 1;
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

    private static Map<String, Object> params(MantenimientoRequest m, String actor) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("activoId", m.activoId());
        params.put("tipo", m.tipo());
        params.put("titulo", m.titulo());
        params.put("descripcion", m.descripcion());
        params.put("estado", m.estado());
        params.put("fechaProgramada", m.fechaProgramada());
        params.put("fechaCompletado", m.fechaCompletado());
        params.put("tecnicoId", m.tecnicoId());
        params.put("costo", m.costo());
        params.put("notas", m.notas());
        params.put("actor", actor);
        return params;
    }

    static Mantenimiento map(ResultSet rs, int row) throws SQLException {
        long tecnicoId = rs.getLong("tecnico_id");
        Long tecnico = rs.wasNull() ? null : tecnicoId;
        return new Mantenimiento(
                rs.getLong("id"),
                rs.getLong("activo_id"),
                rs.getString("activo_codigo"),
                rs.getString("tipo"),
                rs.getString("titulo"),
                rs.getString("descripcion"),
                rs.getString("estado"),
                rs.getObject("fecha_programada", LocalDate.class),
                rs.getObject("fecha_completado", OffsetDateTime.class),
                tecnico,
                rs.getString("tecnico"),
                rs.getBigDecimal("costo"),
                rs.getString("notas"),
                rs.getBoolean("vencido"),
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }
}
