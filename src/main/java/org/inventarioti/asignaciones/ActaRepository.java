package org.inventarioti.asignaciones;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-over receipts ({@code actas}) with the check-outs they cover. */
@Repository
class ActaRepository {

    private record Cabecera(long id, String tipo, OffsetDateTime emitidaEn, String emitidaPor) {}

    private final JdbcClient jdbc;

    ActaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Acta> buscar(long id) {
        return jdbc.sql("SELECT id, tipo, emitida_en, emitida_por FROM actas WHERE id = :id")
                .param("id", id)
                .query(Cabecera.class)
                .optional()
                .map(c -> new Acta(c.id(), c.tipo(), c.emitidaEn(), c.emitidaPor(), lineas(c)));
    }

    private List<Acta.Linea> lineas(Cabecera c) {
        boolean entrega = c.tipo().equals(Acta.ENTREGA);
        return jdbc.sql("""
                        SELECT a.codigo, a.nombre, a.marca, a.modelo, a.numero_serie, p.nombre AS persona,
                               p.numero_empleado, p.area, p.cargo, ubicaciones_ruta(s.ubicacion_id) AS ubicacion,
                               k.codigo AS contenedor,
                               CASE WHEN :entrega THEN s.condicion_entrega ELSE s.condicion_devolucion END AS condicion,
                               CASE WHEN :entrega THEN s.notas_entrega ELSE s.notas_devolucion END AS notas,
                               s.devolucion_prevista
                        FROM asignaciones s
                        JOIN activos a ON a.id = s.activo_id
                        LEFT JOIN personas p ON p.id = s.persona_id
                        LEFT JOIN activos k ON k.id = s.contenedor_id
                        WHERE (s.acta_entrega_id = :id AND :entrega) OR (s.acta_devolucion_id = :id AND NOT :entrega)
                        ORDER BY a.codigo""")
                .param("id", c.id())
                .param("entrega", entrega)
                .query(Acta.Linea.class)
                .list();
    }
}
