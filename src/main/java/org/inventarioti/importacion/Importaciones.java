package org.inventarioti.importacion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The spreadsheet import runs (table {@code importaciones}) and the assets each touched. */
@Repository
class Importaciones {

    record Run(
            UUID id,
            String archivo,
            String sha256,
            String formato,
            String modo,
            String clave,
            boolean todoONada,
            String estado,
            long filas,
            long creadas,
            long actualizadas,
            long sinCambios,
            long rechazadas,
            String mensaje,
            String resultado,
            String actor,
            OffsetDateTime iniciadaEn,
            OffsetDateTime terminadaEn) {}

    record Tocado(long activoId, String accion, int version) {}

    private static final String COLUMNAS = """
            id, archivo, sha256, formato, modo, clave, todo_o_nada, estado, filas, creadas, actualizadas,
            sin_cambios, rechazadas, mensaje, resultado::text, actor, iniciada_en, terminada_en""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate lotes;

    Importaciones(JdbcClient jdbc, NamedParameterJdbcTemplate lotes) {
        this.jdbc = jdbc;
        this.lotes = lotes;
    }

    void empezar(UUID id, String archivo, String sha256, String formato, OpcionesArchivo o, String actor) {
        jdbc.sql("""
                        INSERT INTO importaciones (id, archivo, sha256, formato, modo, clave, todo_o_nada, estado, actor)
                        VALUES (:id, :archivo, :sha256, :formato, :modo, :clave, :todo, 'en_curso', :actor)
                        """)
                .param("id", id)
                .param("archivo", archivo)
                .param("sha256", sha256)
                .param("formato", formato)
                .param("modo", o.modo().nombre())
                .param("clave", o.clave().nombre())
                .param("todo", o.todoONada())
                .param("actor", actor)
                .update();
    }

    void terminar(UUID id, ResultadoArchivo r, String resultadoJson, byte[] informeGz) {
        jdbc.sql("""
                        UPDATE importaciones SET estado = :estado, filas = :filas, creadas = :creadas,
                               actualizadas = :actualizadas, sin_cambios = :sinCambios, rechazadas = :rechazadas,
                               mensaje = :mensaje, resultado = CAST(:resultado AS jsonb), informe = :informe,
                               terminada_en = now()
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("estado", r.estado())
                .param("filas", r.filas())
                .param("creadas", r.creadas())
                .param("actualizadas", r.actualizadas())
                .param("sinCambios", r.sinCambios())
                .param("rechazadas", r.rechazadas())
                .param("mensaje", r.mensaje())
                .param("resultado", resultadoJson)
                .param("informe", informeGz)
                .update();
    }

    void fallida(UUID id, String mensaje) {
        jdbc.sql("UPDATE importaciones SET estado = 'fallida', mensaje = :mensaje, terminada_en = now() WHERE id = :id")
                .param("id", id)
                .param("mensaje", mensaje)
                .update();
    }

    void estado(UUID id, String estado) {
        jdbc.sql("UPDATE importaciones SET estado = :estado WHERE id = :id")
                .param("id", id)
                .param("estado", estado)
                .update();
    }

    /** The assets a run created or updated, with their version right after it (one batch of statements). */
    void tocados(UUID id, List<Tocado> tocados) {
        if (tocados.isEmpty()) {
            return;
        }
        MapSqlParameterSource[] params = tocados.stream()
                .map(t -> new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("activo", t.activoId())
                        .addValue("accion", t.accion())
                        .addValue("version", t.version()))
                .toArray(MapSqlParameterSource[]::new);
        lotes.batchUpdate("""
                        INSERT INTO importacion_activos (importacion_id, activo_id, accion, version)
                        VALUES (:id, :activo, :accion, :version)
                        ON CONFLICT (importacion_id, activo_id) DO UPDATE SET version = EXCLUDED.version
                        """, params);
    }

    List<Tocado> tocados(UUID id) {
        return jdbc.sql("SELECT activo_id, accion, version FROM importacion_activos WHERE importacion_id = :id"
                        + " ORDER BY activo_id DESC")
                .param("id", id)
                .query((rs, n) -> new Tocado(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** The asset's fields as they were before the run changed them (its update's audit row), or nothing. */
    Optional<String> antes(UUID id, long activoId) {
        return jdbc.sql("""
                        SELECT antes::text FROM auditoria
                        WHERE entidad = 'activo' AND entidad_id = :activo AND accion = 'actualizar'
                          AND request_id = :run
                        ORDER BY id LIMIT 1
                        """)
                .param("activo", Long.toString(activoId))
                .param("run", "importacion:" + id)
                .query(String.class)
                .optional();
    }

    /** Locks the run's row (two undos of one run do not interleave). */
    Optional<Run> bloquear(UUID id) {
        return jdbc.sql("SELECT " + COLUMNAS + " FROM importaciones WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Importaciones::run)
                .optional();
    }

    Optional<Run> buscar(UUID id) {
        return jdbc.sql("SELECT " + COLUMNAS + " FROM importaciones WHERE id = :id")
                .param("id", id)
                .query(Importaciones::run)
                .optional();
    }

    List<Run> recientes(int limit) {
        return jdbc.sql("SELECT " + COLUMNAS + " FROM importaciones ORDER BY iniciada_en DESC LIMIT :limit")
                .param("limit", limit)
                .query(Importaciones::run)
                .list();
    }

    Optional<byte[]> informe(UUID id) {
        return jdbc.sql("SELECT informe FROM importaciones WHERE id = :id AND informe IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Run(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getLong(9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getLong(13),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                rs.getObject(17, OffsetDateTime.class),
                rs.getObject(18, OffsetDateTime.class));
    }
}
