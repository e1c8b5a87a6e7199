package org.inventarioti.planes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A plan as sent to the API (create or full replace). */
public record PlanRequest(
        @NotBlank @Size(max = 200) String titulo,

        @Pattern(regexp = "preventivo|correctivo|emergencia")
        String tipo,

        @Size(max = 4000) String descripcion,
        Long activoId,
        Long categoriaId,
        @Size(max = 200) String area,
        @Size(max = 200) String ubicacion,
        @NotNull @Min(1) @Max(366) Integer cada,
        @NotNull @Pattern(regexp = "dias|semanas|meses") String unidad,
        @NotNull LocalDate fechaInicio,
        @Min(0) @Max(365) Integer anticipacionDias,
        @Pattern(regexp = "programada|completado") String desde,
        Long tecnicoId,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> checklist,

        @Min(value = -1, message = "must be 1, 2, 3, 4 or -1 (the last)")
        @Max(value = 4, message = "must be 1, 2, 3, 4 or -1 (the last)")
        Integer reglaOrdinal,

        @Min(value = 1, message = "must be 1 (Monday) to 7 (Sunday)")
        @Max(value = 7, message = "must be 1 (Monday) to 7 (Sunday)")
        Integer reglaDiaSemana,

        @Size(max = 50) List<@NotNull Long> rotacion,
        @Pattern(regexp = "activo|pausado|finalizado") String estado,
        Integer version) {

    /** With the defaults filled in and texts trimmed (blank optional texts become null). */
    PlanRequest limpio() {
        return new PlanRequest(
                titulo.strip(),
                tipo == null ? "preventivo" : tipo,
                blank(descripcion),
                activoId,
                categoriaId,
                blank(area),
                blank(ubicacion),
                cada,
                unidad,
                fechaInicio,
                anticipacionDias == null ? 0 : anticipacionDias,
                desde == null ? Plan.DESDE_PROGRAMADA : desde,
                tecnicoId,
                checklist == null
                        ? List.of()
                        : checklist.stream().map(String::strip).toList(),
                reglaOrdinal,
                reglaDiaSemana,
                rotacion == null ? List.of() : List.copyOf(rotacion),
                estado == null ? Plan.ACTIVO : estado,
                version);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether the change touches what the generated records depend on. */
    boolean cambiaProgramacion(Plan before) {
        return !java.util.Objects.equals(activoId, before.activoId())
                || !java.util.Objects.equals(categoriaId, before.categoriaId())
                || !java.util.Objects.equals(area, before.area())
                || !java.util.Objects.equals(ubicacion, before.ubicacion())
                || cada != before.cada()
                || !unidad.equals(before.unidad())
                || !fechaInicio.equals(before.fechaInicio())
                || !desde.equals(before.desde())
                || !tipo.equals(before.tipo())
                || !titulo.equals(before.titulo())
                || !java.util.Objects.equals(descripcion, before.descripcion())
                || !java.util.Objects.equals(tecnicoId, before.tecnicoId())
                || !checklist.equals(before.checklist())
                || !java.util.Objects.equals(reglaOrdinal, before.reglaOrdinal())
                || !java.util.Objects.equals(reglaDiaSemana, before.reglaDiaSemana())
                || !rotacion.equals(before.rotacion());
    }
}
