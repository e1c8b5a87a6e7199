package org.inventarioti.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.inventarioti.errors.Checks;

/**
 * Numbers and dates as people write them in the page's language. Spanish: {@code 85,50},
 * {@code 1.285,50}, {@code 03/02/2031}; English: {@code 85.50}, {@code 1,285.50},
 * {@code 2/3/2031}. The ISO forms ({@code 85.50}, {@code 2031-02-03}) are always accepted, as
 * date inputs send them. The rule for a number: when both marks appear, the last one is the
 * decimal mark; a single mark followed by exactly three digits is the language's thousands mark
 * ({@code 1.200} is 1200 in Spanish, 1.2 in English); any other single mark is the decimal mark.
 * Numbers are shown back with the language's decimal mark and no grouping (so that they read back
 * the same), dates in ISO (what a date input shows in the reader's format).
 */
public final class ValoresLocales {

    private static final Pattern NUMERO = Pattern.compile("[0-9]+");
    private static final Pattern AGRUPADO = Pattern.compile("[0-9]{1,3}(?:[.,][0-9]{3})+");

    private ValoresLocales() {}

    /** The number, or empty when the text is not one ({@code null} or blank: empty too). */
    public static Optional<BigDecimal> numero(String texto, Locale locale) {
        if (texto == null) {
            return Optional.empty();
        }
        String t = texto.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        if (t.isEmpty() || t.length() > 40) {
            return Optional.empty();
        }
        String signo = "";
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            signo = t.substring(0, 1);
            t = t.substring(1);
        }
        int punto = t.lastIndexOf('.');
        int coma = t.lastIndexOf(',');
        String entero;
        String decimales;
        if (punto >= 0 && coma >= 0) {
            int marca = Math.max(punto, coma);
            char miles = marca == punto ? ',' : '.';
            entero = t.substring(0, marca);
            decimales = t.substring(marca + 1);
            if (!AGRUPADO.matcher(entero).matches() || entero.indexOf(t.charAt(marca)) >= 0) {
                return Optional.empty();
            }
            entero = entero.replace(String.valueOf(miles), "");
        } else if (punto >= 0 || coma >= 0) {
            char marca = punto >= 0 ? '.' : ',';
            long veces = t.chars().filter(c -> c == marca).count();
            char milesDelIdioma = "es".equals(locale.getLanguage()) ? '.' : ',';
            if (veces > 1 || (marca == milesDelIdioma && AGRUPADO.matcher(t).matches())) {
                if (!AGRUPADO.matcher(t).matches()) {
                    return Optional.empty();
                }
                entero = t.replace(String.valueOf(marca), "");
                decimales = "";
            } else {
                int i = t.indexOf(marca);
                entero = t.substring(0, i);
                decimales = t.substring(i + 1);
            }
        } else {
            entero = t;
            decimales = "";
        }
        if (entero.isEmpty() && decimales.isEmpty()) {
            return Optional.empty();
        }
        if (entero.isEmpty()) {
            entero = "0";
        }
        if (!NUMERO.matcher(entero).matches()
                || !(decimales.isEmpty() || NUMERO.matcher(decimales).matches())) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(signo + entero + (decimales.isEmpty() ? "" : "." + decimales)));
    }

    /** The number with the language's decimal mark and no grouping. */
    public static String numero(BigDecimal valor, Locale locale) {
        if (valor == null) {
            return "";
        }
        String texto = valor.toPlainString();
        return "es".equals(locale.getLanguage()) ? texto.replace('.', ',') : texto;
    }

    /**
     * The date in ISO or in the language's day/month order, or empty when it is not one or lies
     * outside the dates the inventory accepts ({@link Checks#fechaPlausible}: 1900-01-01 … 2199-12-31).
     */
    public static Optional<LocalDate> fecha(String texto, Locale locale) {
        if (texto == null || texto.isBlank()) {
            return Optional.empty();
        }
        String t = texto.strip();
        List<String> patrones = "es".equals(locale.getLanguage())
                ? List.of("uuuu-MM-dd", "d/M/uuuu", "d-M-uuuu", "d.M.uuuu")
                : List.of("uuuu-MM-dd", "M/d/uuuu");
        for (String patron : patrones) {
            try {
                return Optional.of(LocalDate.parse(
                                t, DateTimeFormatter.ofPattern(patron).withResolverStyle(ResolverStyle.STRICT)))
                        .filter(Checks::fechaPlausible);
            } catch (DateTimeParseException e) {
                // the next pattern
            }
        }
        return Optional.empty();
    }
}
