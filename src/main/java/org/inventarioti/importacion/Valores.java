package org.inventarioti.importacion;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
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
        return Claves.valor(text);
    }

    static String claveSinMemoria(String text) {
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
        return fechaHora(value).map(LocalDateTime::toLocalDate);
    }

    /** A DATETIME (no zone in MySQL) read in the source's zone. */
    static Optional<OffsetDateTime> instante(String value, ZoneId zone) {
        return fechaHora(value).map(t -> t.atZone(zone).toOffsetDateTime());
    }

    private static Optional<LocalDateTime> fechaHora(String value) {
        if (value != null && value.startsWith("0000-00-00")) {
            return Optional.empty();
        }
        return leer(value, v -> LocalDateTime.parse(v, DATETIME));
    }

    static Optional<BigDecimal> numero(String value) {
        return leer(value, v -> new BigDecimal(v.replace(',', '.')));
    }

    static Optional<Long> id(String value) {
        return leer(value, Long::parseLong);
    }

    /** The trimmed text parsed, or empty when it is blank or does not parse. */
    private static <T> Optional<T> leer(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** TI-000123, as the schema's own activos_siguiente_codigo() writes it. */
    static String codigo(long id) {
        return "TI-" + (id < 1_000_000 ? String.format(Locale.ROOT, "%06d", id) : Long.toString(id));
    }
}
