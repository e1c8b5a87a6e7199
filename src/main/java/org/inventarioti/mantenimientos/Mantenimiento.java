package org.inventarioti.mantenimientos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.inventarioti.errors.Versioned;
import tools.jackson.databind.JsonNode;

/**
 * A maintenance record of an asset. {@code vencido} (overdue): still open (programado or
 * en_progreso) and scheduled before today. {@code checklist}: the tasks of the plan that generated
 * it ({@link Tarea}s, null when it has none); {@code planId}: that plan, if any.
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
        JsonNode checklist,
        Long planId,
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
