package org.inventarioti.mantenimientos;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.inventarioti.web.ValoresLocales;
import org.springframework.validation.BindingResult;

/**
 * The maintenance form of the browser, every field as the person typed it (so that a failed form
 * shows back every value, and a malformed number or date is one more error among the others, not
 * the end of the binding): the asset is named by its codigo, numbers and dates are read in the
 * page's language ({@link ValoresLocales}). The constraints repeat those of {@link
 * MantenimientoRequest} only to show them in the reader's language; the service decides.
 */
record MantenimientoForm(
        @NotBlank @Size(max = 64) String activoCodigo,
        @NotNull String tipo,
        @NotBlank @Size(max = 200) String titulo,
        @Size(max = 4000) String descripcion,
        String estado,
        String fechaProgramada,
        String tecnicoId,
        String costo,
        @Size(max = 4000) String notas,
        List<String> tareas,
        List<String> resultados,
        List<String> notasTarea,
        String version) {

    static MantenimientoForm nuevo(String activoCodigo, LocalDate fecha) {
        return new MantenimientoForm(
                activoCodigo,
                "preventivo",
                "",
                "",
                Mantenimiento.PROGRAMADO,
                fecha == null ? "" : fecha.toString(),
                "",
                "",
                "",
                List.of(),
                List.of(),
                List.of(),
                "");
    }

    static MantenimientoForm de(Mantenimiento m, Locale locale) {
        return new MantenimientoForm(
                m.activoCodigo(),
                m.tipo(),
                m.titulo(),
                m.descripcion(),
                m.estado(),
                m.fechaProgramada() == null ? "" : m.fechaProgramada().toString(),
                m.tecnicoId() == null ? "" : m.tecnicoId().toString(),
                ValoresLocales.numero(m.costo(), locale),
                m.notas(),
                tareas(m, "tarea"),
                tareas(m, "resultado"),
                tareas(m, "nota"),
                Integer.toString(m.version()));
    }

    /** One property of each checklist task of the record, as the form shows it ("" for none). */
    private static List<String> tareas(Mantenimiento m, String propiedad) {
        if (m.checklist() == null) {
            return List.of();
        }
        List<String> valores = new ArrayList<>();
        m.checklist()
                .forEach(t -> valores.add(
                        t.path(propiedad).isNull() ? "" : t.path(propiedad).asString("")));
        return valores;
    }

    /** The same form with another estado (the one-click action that sent the person here). */
    MantenimientoForm conEstado(String otro) {
        return new MantenimientoForm(
                activoCodigo,
                tipo,
                titulo,
                descripcion,
                otro,
                fechaProgramada,
                tecnicoId,
                costo,
                notas,
                tareas,
                resultados,
                notasTarea,
                version);
    }

    /** The checklist the form says, or null (keep the stored one) when the record has none. */
    List<Tarea> checklist() {
        if (tareas == null || tareas.isEmpty()) {
            return null;
        }
        List<Tarea> checklist = new ArrayList<>();
        for (int i = 0; i < tareas.size(); i++) {
            String resultado = i < resultados().size() ? resultados().get(i) : null;
            String nota = notasTarea != null && i < notasTarea.size() ? notasTarea.get(i) : null;
            checklist.add(new Tarea(
                    tareas.get(i),
                    resultado == null || resultado.isBlank() ? null : resultado,
                    nota == null || nota.isBlank() ? null : nota));
        }
        return checklist;
    }

    @Override
    public List<String> resultados() {
        return resultados == null ? List.of() : resultados;
    }

    /** The version the person saw, or null when the form has none (or a malformed one). */
    Integer versionVista() {
        return version != null && version.strip().matches("\\d{1,9}") ? Integer.valueOf(version.strip()) : null;
    }

    /**
     * The request the form says, reading numbers and dates in {@code locale}; each text that is not
     * a number or a date becomes a {@code typeMismatch} error of its field (and null in the request).
     */
    MantenimientoRequest request(Long activoId, OffsetDateTime fechaCompletado, Locale locale, BindingResult result) {
        LocalDate fecha = leer("fechaProgramada", fechaProgramada, t -> ValoresLocales.fecha(t, locale), result);
        BigDecimal importe = leer("costo", costo, t -> ValoresLocales.numero(t, locale), result);
        Long tecnico = leer(
                "tecnicoId",
                tecnicoId,
                t -> t.strip().matches("\\d{1,18}") ? Optional.of(Long.valueOf(t.strip())) : Optional.empty(),
                result);
        return new MantenimientoRequest(
                activoId,
                tipo,
                titulo,
                descripcion,
                estado,
                fecha,
                fechaCompletado,
                tecnico,
                importe,
                notas,
                checklist(),
                versionVista());
    }

    private static <T> T leer(
            String campo, String texto, java.util.function.Function<String, Optional<T>> lector, BindingResult result) {
        if (texto == null || texto.isBlank()) {
            return null;
        }
        Optional<T> valor = lector.apply(texto);
        if (valor.isEmpty()) {
            result.rejectValue(campo, "typeMismatch");
        }
        return valor.orElse(null);
    }
}
