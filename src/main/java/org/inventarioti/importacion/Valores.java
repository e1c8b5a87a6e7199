package org.inventarioti.importacion;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The original's free-text and MySQL values read the way our schema needs them. */
final class Valores {

    private static final Map<String, String> ESTADOS = Map.ofEntries(
            Map.entry("activo", "Activo"),
            Map.entry("en uso", "Activo"),
            Map.entry("operativo", "Activo"),
            Map.entry("en mantenimiento", "En mantenimiento"),
            Map.entry("mantenimiento", "En mantenimiento"),
            Map.entry("en reparacion", "En reparación"),
            Map.entry("reparacion", "En reparación"),
            Map.entry("en almacen", "En almacén"),
            Map.entry("almacen", "En almacén"),
            Map.entry("en bodega", "En almacén"),
            Map.entry("dado de baja", "Dado de baja"),
            Map.entry("de baja", "Dado de baja"),
            Map.entry("baja", "Dado de baja"));

    private static final Map<String, String> ESTADOS_MANTENIMIENTO = Map.ofEntries(
            Map.entry("programado", "programado"),
            Map.entry("pendiente", "programado"),
            Map.entry("en progreso", "en_progreso"),
            Map.entry("en proceso", "en_progreso"),
            Map.entry("en curso", "en_progreso"),
            Map.entry("completado", "completado"),
            Map.entry("realizado", "completado"),
            Map.entry("terminado", "completado"),
            Map.entry("finalizado", "completado"),
            Map.entry("cancelado", "cancelado"));

    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ HH:mm[:ss]]")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    private Valores() {}

    /** Lower case, no accents, single spaces, '_' as a space: how two spellings of one estado compare. */
    static String clave(String text) {
        String plain = Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }

    static Optional<String> estado(String text) {
        return Optional.ofNullable(ESTADOS.get(clave(text)));
    }

    static Optional<String> estadoMantenimiento(String text) {
        return Optional.ofNullable(ESTADOS_MANTENIMIENTO.get(clave(text)));
    }

    static Optional<String> tipoMantenimiento(String text) {
        String tipo = clave(text);
        return tipo.equals("preventivo") || tipo.equals("correctivo") || tipo.equals("emergencia")
                ? Optional.of(tipo)
                : Optional.empty();
    }

    static String texto(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A DATE; MySQL's zero dates ({@code 0000-00-00}) and unreadable ones are empty. */
    static Optional<LocalDate> fecha(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.trim(), DATETIME).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A DATETIME (no zone in MySQL) read in the source's zone. */
    static Optional<OffsetDateTime> instante(String value, ZoneId zone) {
        if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    LocalDateTime.parse(value.trim(), DATETIME).atZone(zone).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<BigDecimal> numero(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.trim().replace(',', '.')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> id(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** TI-000123, as the schema's own activos_siguiente_codigo() writes it. */
    static String codigo(long id) {
        return "TI-" + (id < 1_000_000 ? String.format(Locale.ROOT, "%06d", id) : Long.toString(id));
    }
}
