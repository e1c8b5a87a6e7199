package org.inventarioti.activos;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The top bar's asset-tag box (issue 13): what someone types or a scanner pastes, read as the one
 * asset it names when there is exactly one — a label's content (its address, {@code …/activos/<codigo>}),
 * a code, a serial number, or else a search that matches a single asset.
 */
@Component
class BusquedaRapida {

    private static final Pattern DIRECCION_DE_ETIQUETA = Pattern.compile("(?:^|/)activos/([^/?#\\s]+)/?(?:[?#].*)?$");

    private final ActivoService activos;

    BusquedaRapida(ActivoService activos) {
        this.activos = activos;
    }

    /** The text a search should look for: a label's address is its code. */
    static String texto(String entrada) {
        String limpio = entrada.strip();
        Matcher m = DIRECCION_DE_ETIQUETA.matcher(limpio);
        if (m.find()) {
            try {
                return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                return limpio;
            }
        }
        return limpio;
    }

    /** The code of the one asset the text names, if exactly one. */
    @Transactional(readOnly = true)
    Optional<String> unico(String texto) {
        if (texto.isEmpty()) {
            return Optional.empty();
        }
        List<Activo> porCodigo = activos.porCodigos(List.of(texto.toUpperCase(Locale.ROOT)));
        if (porCodigo.size() == 1) {
            return Optional.of(porCodigo.get(0).codigo());
        }
        List<Activo> porSerie = activos.porNumerosSerie(List.of(texto));
        if (porSerie.size() == 1) {
            return Optional.of(porSerie.get(0).codigo());
        }
        var encontrados = activos.listar(Map.of("q", List.of(texto), "size", List.of("2")));
        return encontrados.total() == 1 ? Optional.of(encontrados.items().get(0).codigo()) : Optional.empty();
    }
}
