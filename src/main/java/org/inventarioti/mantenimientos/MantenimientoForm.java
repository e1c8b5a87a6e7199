package org.inventarioti.mantenimientos;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
                Integer.toString(m.version()));
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
