package org.inventarioti.asignaciones;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.inventarioti.personas.TenenciasDePersona.Tenencia;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Check-outs and returns ({@code asignaciones}). */
@Repository
class AsignacionRepository {

    private static final String SELECT = """
            SELECT s.id, s.activo_id, s.persona_id, p.nombre AS persona, s.ubicacion_id,
                   ubicaciones_ruta(s.ubicacion_id) AS ubicacion, s.contenedor_id, c.codigo AS contenedor,
                   s.estado_anterior, s.entregada_en, s.entregada_por, s.devolucion_prevista, s.condicion_entrega,
                   s.notas_entrega, s.devuelta_en, s.devuelta_por, s.condicion_devolucion, s.notas_devolucion,
                   s.acta_entrega_id, s.acta_devolucion_id
            FROM asignaciones s
            LEFT JOIN personas p ON p.id = s.persona_id
            LEFT JOIN activos c ON c.id = s.contenedor_id""";

    private final JdbcClient jdbc;

    AsignacionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Asignacion> abierta(long activoId) {
        return jdbc.sql(SELECT + " WHERE s.activo_id = :id AND s.devuelta_en IS NULL")
                .param("id", activoId)
                .query(Asignacion.class)
                .optional();
    }

    Optional<Asignacion> porId(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id")
                .param("id", id)
                .query(Asignacion.class)
                .optional();
    }

    List<Asignacion> historial(long activoId) {
        return jdbc.sql(SELECT + " WHERE s.activo_id = :id ORDER BY s.entregada_en DESC, s.id DESC")
                .param("id", activoId)
                .query(Asignacion.class)
                .list();
    }

    /** Whether {@code contenedor} is {@code activo} or, through open check-outs to assets, inside it. */
    boolean dentroDe(long contenedor, long activo) {
        return jdbc.sql("""
                        WITH RECURSIVE arriba (id, nivel) AS (
                            SELECT CAST(:contenedor AS bigint), 0
                            UNION ALL
                            SELECT s.contenedor_id, a.nivel + 1 FROM asignaciones s JOIN arriba a ON s.activo_id = a.id
                            WHERE s.devuelta_en IS NULL AND s.contenedor_id IS NOT NULL AND a.nivel < 100
                        )
                        SELECT EXISTS (SELECT 1 FROM arriba WHERE id = :activo)""")
                .param("contenedor", contenedor)
                .param("activo", activo)
                .query(Boolean.class)
                .single();
    }

    long acta(String tipo, String actor) {
        return jdbc.sql("INSERT INTO actas (tipo, emitida_por) VALUES (:tipo, :actor) RETURNING id")
                .param("tipo", tipo)
                .param("actor", actor)
                .query(Long.class)
                .single();
    }

    long insert(long activoId, AsignacionRequest r, String estadoAnterior, long acta, String actor) {
        return jdbc.sql("""
                        INSERT INTO asignaciones (activo_id, persona_id, ubicacion_id, contenedor_id, estado_anterior,
                                                  entregada_por, devolucion_prevista, condicion_entrega, notas_entrega,
                                                  acta_entrega_id)
                        VALUES (:activo, :persona, :ubicacion, :contenedor, :estado, :actor, :prevista, :condicion,
                                :notas, :acta)
                        RETURNING id""")
                .param("acta", acta)
                .param("activo", activoId)
                .param("persona", r.personaId())
                .param("ubicacion", r.ubicacionId())
                .param("contenedor", r.contenedorId())
                .param("estado", estadoAnterior)
                .param("actor", actor)
                .param("prevista", r.devolucionPrevista())
                .param("condicion", r.condicion())
                .param("notas", r.notas())
                .query(Long.class)
                .single();
    }

    void cerrar(long id, DevolucionRequest r, long acta, String actor) {
        jdbc.sql("""
                        UPDATE asignaciones SET devuelta_en = now(), devuelta_por = :actor,
                               condicion_devolucion = :condicion, notas_devolucion = :notas, acta_devolucion_id = :acta
                        WHERE id = :id AND devuelta_en IS NULL""")
                .param("acta", acta)
                .param("actor", actor)
                .param("condicion", r.condicion())
                .param("notas", r.notas())
                .param("id", id)
                .update();
    }

    long abiertasEn(long ubicacionId) {
        return jdbc.sql("SELECT count(*) FROM asignaciones WHERE ubicacion_id = :id AND devuelta_en IS NULL")
                .param("id", ubicacionId)
                .query(Long.class)
                .single();
    }

    /** The assets whose custodian the person is now: checked out to them, or linked without a check-out. */
    List<Tenencia> actuales(long personaId) {
        return jdbc.sql("""
                        SELECT a.id AS activo_id, a.codigo, a.nombre, a.numero_serie, s.entregada_en AS desde,
                               NULL::timestamptz AS hasta, s.devolucion_prevista
                        FROM activos a
                        LEFT JOIN asignaciones s ON s.activo_id = a.id AND s.devuelta_en IS NULL AND s.persona_id = a.persona_id
                        WHERE a.persona_id = :id
                        ORDER BY a.codigo""").param("id", personaId).query(Tenencia.class).list();
    }

    List<Tenencia> anteriores(long personaId) {
        return jdbc.sql("""
                        SELECT a.id AS activo_id, a.codigo, a.nombre, a.numero_serie, s.entregada_en AS desde,
                               s.devuelta_en AS hasta, s.devolucion_prevista
                        FROM asignaciones s JOIN activos a ON a.id = s.activo_id
                        WHERE s.persona_id = :id AND s.devuelta_en IS NOT NULL
                        ORDER BY s.devuelta_en DESC, s.id DESC""").param("id", personaId).query(Tenencia.class).list();
    }

    /** Open check-outs due back on or before {@code hasta} (overdue included), by date. */
    List<AsignacionesVencidas.Vencida> vencenHasta(LocalDate hasta) {
        return jdbc.sql("""
                        SELECT s.id AS asignacion_id, a.id AS activo_id, a.codigo, a.nombre, s.persona_id,
                               p.nombre AS persona, p.email, s.devolucion_prevista, p.usuario_id,
                               COALESCE(p.nombre, ubicaciones_ruta(s.ubicacion_id), c.codigo) AS destino
                        FROM asignaciones s JOIN activos a ON a.id = s.activo_id
                        LEFT JOIN personas p ON p.id = s.persona_id
                        LEFT JOIN activos c ON c.id = s.contenedor_id
                        WHERE s.devuelta_en IS NULL AND s.devolucion_prevista <= :hasta
                        ORDER BY s.devolucion_prevista, a.codigo""")
                .param("hasta", hasta)
                .query(AsignacionesVencidas.Vencida.class)
                .list();
    }
}
