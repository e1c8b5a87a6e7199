package org.inventarioti.activos;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling for a quantity with a unit in especificaciones, so that values do not drift: a
 * number, no space, the unit as written by convention ({@code 16 GB}, {@code 16gb}, {@code 16 Gb}
 * → {@code 16GB}; {@code 3,2 ghz} → {@code 3,2GHz}). Only the units listed here; any other text
 * is kept as typed. The decimal mark is kept as typed.
 */
final class Unidades {

    private static final Map<String, String> UNIDADES = Map.ofEntries(
            Map.entry("b", "B"),
            Map.entry("kb", "KB"),
            Map.entry("mb", "MB"),
            Map.entry("gb", "GB"),
            Map.entry("tb", "TB"),
            Map.entry("pb", "PB"),
            Map.entry("kib", "KiB"),
            Map.entry("mib", "MiB"),
            Map.entry("gib", "GiB"),
            Map.entry("tib", "TiB"),
            Map.entry("hz", "Hz"),
            Map.entry("khz", "kHz"),
            Map.entry("mhz", "MHz"),
            Map.entry("ghz", "GHz"),
            Map.entry("w", "W"),
            Map.entry("kw", "kW"),
            Map.entry("v", "V"),
            Map.entry("mah", "mAh"),
            Map.entry("wh", "Wh"),
            Map.entry("kbps", "Kbps"),
            Map.entry("mbps", "Mbps"),
            Map.entry("gbps", "Gbps"),
            Map.entry("rpm", "RPM"),
            Map.entry("ppm", "ppm"));

    private static final Pattern CANTIDAD = Pattern.compile("([0-9]+(?:[.,][0-9]+)?)\\s*([A-Za-z]{1,4})");

    private Unidades() {}

    static String normalizar(String texto) {
        return unidad(texto).orElse(texto);
    }

    private static Optional<String> unidad(String texto) {
        Matcher m = CANTIDAD.matcher(texto.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String unidad = UNIDADES.get(m.group(2).toLowerCase(Locale.ROOT));
        return Optional.ofNullable(unidad).map(u -> m.group(1) + u);
    }
}
