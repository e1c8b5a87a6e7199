package org.inventarioti.mantenimientos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.inventarioti.errors.Versioned;

/**
 * A maintenance record of an asset. {@code vencido} (overdue): still open (programado or
 * en_progreso) and scheduled before today.
 */
public record Mantenimiento(
        long id,
        long activoId,
        String activoCodigo,
        String tipo,
        String titulo,
        String descripcion,
        String estado,
        LocalDate fechaProgramada,
        OffsetDateTime fechaCompletado,
        Long tecnicoId,
        String tecnico,
        BigDecimal costo,
        String notas,
        boolean vencido,
        int version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy)
        implements Versioned {

    public static final String PROGRAMADO = "programado";
    public static final String EN_PROGRESO = "en_progreso";
    public static final String COMPLETADO = "completado";
    public static final String CANCELADO = "cancelado";
    public static final List<String> ESTADOS = List.of(PROGRAMADO, EN_PROGRESO, COMPLETADO, CANCELADO);
    public static final List<String> TIPOS = List.of("preventivo", "correctivo", "emergencia");
}
