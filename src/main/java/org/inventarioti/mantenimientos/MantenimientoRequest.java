package org.inventarioti.mantenimientos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A maintenance record as clients send it; read-only fields of the representation are ignored.
 * Absent estado means programado. fecha_completado is set when the record is completed (now,
 * unless given) and cleared when it is not completed.
 */
@JsonIgnoreProperties(
        value = {
            "id",
            "activo_codigo",
            "tecnico",
            "vencido",
            "plan_id",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by"
        },
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

        /** Null keeps the stored checklist (a form or client that does not know it loses nothing). */
        @Size(max = 50) List<@NotNull @Valid Tarea> checklist,

        Integer version) {

    static MantenimientoRequest of(Mantenimiento m, JsonMapper json) {
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
                m.checklist() == null ? null : List.of(json.treeToValue(m.checklist(), Tarea[].class)),
                m.version());
    }

    /** The same request with the stored checklist where it gives none. */
    MantenimientoRequest conChecklist(List<Tarea> guardada) {
        if (checklist != null) {
            return this;
        }
        return new MantenimientoRequest(
                activoId,
                tipo,
                titulo,
                descripcion,
                estado,
                fechaProgramada,
                fechaCompletado,
                tecnicoId,
                costo,
                notas,
                guardada,
                version);
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
                checklist == null
                        ? null
                        : checklist.stream()
                                .map(t -> new Tarea(t.tarea().strip(), t.resultado(), blankToNull(t.nota())))
                                .toList(),
                version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
