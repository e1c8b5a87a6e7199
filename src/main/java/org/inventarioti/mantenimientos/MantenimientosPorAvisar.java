package org.inventarioti.mantenimientos;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The open maintenance records assigned to a technician, for the notifications' reminders. */
@Component
public class MantenimientosPorAvisar {

    /** An open record ({@code programado} or {@code en_progreso}) with its asset's code. */
    public record Abierto(
            long id, String titulo, LocalDate fechaProgramada, long tecnicoId, String activoCodigo, String estado) {}

    private final JdbcClient jdbc;

    MantenimientosPorAvisar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every open, assigned record due on or before {@code hasta} (overdue ones included), by date. */
    @Transactional(readOnly = true)
    public List<Abierto> abiertosHasta(LocalDate hasta) {
        return jdbc.sql("""
                        SELECT m.id, m.titulo, m.fecha_programada, m.tecnico_id, a.codigo AS activo_codigo, m.estado
                        FROM mantenimientos m JOIN activos a ON a.id = m.activo_id
                        WHERE m.estado IN ('programado', 'en_progreso') AND m.tecnico_id IS NOT NULL
                          AND m.fecha_programada <= :hasta
                        ORDER BY m.fecha_programada, m.id""").param("hasta", hasta).query(Abierto.class).list();
    }
}
