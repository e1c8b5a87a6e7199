package org.inventarioti.planes;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.validation.BindingResult;

/**
 * The plan form of the browser, every field as typed (a failed form shows every value back): the
 * asset is named by its codigo, the checklist is one task per line, numbers and dates are read
 * here and a malformed one is one more error of its field. The service decides everything else.
 */
record PlanForm(
        String titulo,
        String tipo,
        String descripcion,
        String alcance,
        String activoCodigo,
        String categoriaId,
        String area,
        String ubicacion,
        String cada,
        String unidad,
        String reglaOrdinal,
        String reglaDiaSemana,
        String fechaInicio,
        String anticipacionDias,
        String desde,
        String tecnicoId,
        List<String> rotacion,
        String checklist,
        String estado,
        String version) {

    static PlanForm nuevo(LocalDate hoy) {
        return new PlanForm(
                "",
                "preventivo",
                "",
                "categoria",
                "",
                "",
                "",
                "",
                "1",
                "meses",
                "",
                "",
                hoy.toString(),
                "0",
                Plan.DESDE_PROGRAMADA,
                "",
                List.of(),
                "",
                Plan.ACTIVO,
                "");
    }

    static PlanForm de(Plan p, String activoCodigo) {
        return new PlanForm(
                p.titulo(),
                p.tipo(),
                nz(p.descripcion()),
                p.activoId() != null ? "activo" : "categoria",
                nz(activoCodigo),
                p.categoriaId() == null ? "" : p.categoriaId().toString(),
                nz(p.area()),
                nz(p.ubicacion()),
                Integer.toString(p.cada()),
                p.unidad(),
                p.reglaOrdinal() == null ? "" : p.reglaOrdinal().toString(),
                p.reglaDiaSemana() == null ? "" : p.reglaDiaSemana().toString(),
                p.fechaInicio().toString(),
                Integer.toString(p.anticipacionDias()),
                p.desde(),
                p.tecnicoId() == null ? "" : p.tecnicoId().toString(),
                p.rotacion().stream().map(String::valueOf).toList(),
                String.join("\n", p.checklist()),
                p.estado(),
                Integer.toString(p.version()));
    }

    /** The request the form says; the asset id comes from the page (it knows the codigo's asset). */
    PlanRequest request(Long activoId, BindingResult result) {
        boolean deActivo = "activo".equals(alcance);
        return new PlanRequest(
                titulo == null ? "" : titulo,
                tipo,
                descripcion,
                deActivo ? activoId : null,
                deActivo ? null : entero("categoriaId", categoriaId, result, Long::valueOf),
                deActivo ? null : area,
                deActivo ? null : ubicacion,
                entero("cada", cada, result, Integer::valueOf),
                unidad,
                fecha(result),
                entero("anticipacionDias", anticipacionDias, result, Integer::valueOf),
                desde,
                entero("tecnicoId", tecnicoId, result, Long::valueOf),
                checklist == null
                        ? List.of()
                        : Arrays.stream(checklist.split("\\R"))
                                .map(String::strip)
                                .filter(t -> !t.isEmpty())
                                .toList(),
                entero("reglaOrdinal", reglaOrdinal, result, Integer::valueOf),
                entero("reglaDiaSemana", reglaDiaSemana, result, Integer::valueOf),
                rotacion == null
                        ? List.of()
                        : rotacion.stream()
                                .filter(r -> r != null && !r.isBlank())
                                .map(r -> entero("rotacion", r, result, Long::valueOf))
                                .filter(java.util.Objects::nonNull)
                                .toList(),
                estado,
                version != null && version.strip().matches("\\d{1,9}") ? Integer.valueOf(version.strip()) : null);
    }

    private LocalDate fecha(BindingResult result) {
        if (fechaInicio == null || fechaInicio.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(fechaInicio.strip());
        } catch (java.time.format.DateTimeParseException e) {
            result.rejectValue("fechaInicio", "typeMismatch");
            return null;
        }
    }

    private static <T> T entero(String campo, String texto, BindingResult result, Function<String, T> lector) {
        if (texto == null || texto.isBlank()) {
            return null;
        }
        Optional<T> valor =
                texto.strip().matches("-?\\d{1,9}") ? Optional.of(lector.apply(texto.strip())) : Optional.empty();
        if (valor.isEmpty() && !result.hasFieldErrors(campo)) {
            result.rejectValue(campo, "typeMismatch");
        }
        return valor.orElse(null);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
