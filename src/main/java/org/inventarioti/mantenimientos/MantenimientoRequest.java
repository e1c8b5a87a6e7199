package org.inventarioti.mantenimientos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A maintenance record as clients send it; read-only fields of the representation are ignored.
 * Absent estado means programado. fecha_completado is set when the record is completed (now,
 * unless given) and cleared when it is not completed.
 */
@JsonIgnoreProperties(
        value = {"id", "activo_codigo", "tecnico", "vencido", "created_at", "created_by", "updated_at", "updated_by"},
        allowGetters = true)
public record MantenimientoRequest(
        @NotNull Long activoId,

        @NotNull
        @Pattern(
                regexp = "preventivo|correctivo|emergencia",
                message = "must be one of: preventivo, correctivo, emergencia")
        String tipo,

        @NotBlank @Size(max = 200) String titulo,
        @Size(max = 4000) String descripcion,

        @Pattern(
                regexp = "programado|en_progreso|completado|cancelado",
                message = "must be one of: programado, en_progreso, completado, cancelado")
        String estado,

        LocalDate fechaProgramada,
        OffsetDateTime fechaCompletado,
        Long tecnicoId,

        @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must have at most 12 digits and 2 decimals")
        BigDecimal costo,

        @Size(max = 4000) String notas,
        Integer version) {

    static MantenimientoRequest of(Mantenimiento m) {
        return new MantenimientoRequest(
                m.activoId(),
                m.tipo(),
                m.titulo(),
                m.descripcion(),
                m.estado(),
                m.fechaProgramada(),
                m.fechaCompletado(),
                m.tecnicoId(),
                m.costo(),
                m.notas(),
                m.version());
    }

    MantenimientoRequest limpio(OffsetDateTime now) {
        String state = estado == null ? Mantenimiento.PROGRAMADO : estado;
        OffsetDateTime completed =
                state.equals(Mantenimiento.COMPLETADO) ? (fechaCompletado != null ? fechaCompletado : now) : null;
        return new MantenimientoRequest(
                activoId,
                tipo,
                titulo.trim(),
                blankToNull(descripcion),
                state,
                fechaProgramada,
                completed,
                tecnicoId,
                costo,
                blankToNull(notas),
                version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
