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
            Map.entry("baja", "Dado de baja"),
            Map.entry("active", "Activo"),
            Map.entry("in use", "Activo"),
            Map.entry("deployed", "Activo"),
            Map.entry("in maintenance", "En mantenimiento"),
            Map.entry("maintenance", "En mantenimiento"),
            Map.entry("in repair", "En reparación"),
            Map.entry("repair", "En reparación"),
            Map.entry("in storage", "En almacén"),
            Map.entry("storage", "En almacén"),
            Map.entry("retired", "Dado de baja"),
            Map.entry("disposed", "Dado de baja"));

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

    /** dd/mm/yyyy (also with '-' or '.', one-digit day and month), ISO yyyy-mm-dd (a time after it is dropped). */
    private static final java.util.regex.Pattern FECHA_DMY =
            java.util.regex.Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");

    private static final java.util.regex.Pattern FECHA_ISO =
            java.util.regex.Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");

    /** A spreadsheet's date: dd/mm/yyyy or ISO; empty when blank, and an exception naming the forms otherwise. */
    static Optional<LocalDate> fechaHoja(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        java.util.regex.Matcher dmy = FECHA_DMY.matcher(text);
        java.util.regex.Matcher iso = FECHA_ISO.matcher(text);
        try {
            if (dmy.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(dmy.group(3)),
                        Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1))));
            }
            if (iso.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("is not a date of the calendar");
        }
        throw new IllegalArgumentException("is not a date: write dd/mm/yyyy or yyyy-mm-dd");
    }

    /**
     * An amount as spreadsheets write it: a decimal comma or point; with both, the last one is the
     * decimal separator and the other groups thousands (1.234,56 and 1,234.56); spaces and a
     * currency sign are dropped. Empty when blank, an exception otherwise.
     */
    static Optional<BigDecimal> importe(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip().replaceAll("[\\s\u00a0$€£]", "");
        int comma = text.lastIndexOf(',');
        int point = text.lastIndexOf('.');
        if (comma >= 0 && point >= 0) {
            text = comma > point ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        } else if (comma >= 0) {
            text = text.indexOf(',') == comma ? text.replace(',', '.') : text.replace(",", "");
        } else if (point >= 0 && text.indexOf('.') != point) {
            text = text.replace(".", "");
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number");
        }
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
