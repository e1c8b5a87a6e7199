package org.inventarioti.etiquetas;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.inventarioti.errors.MalformedException;
import org.springframework.util.MultiValueMap;

/**
 * What the labels form sent besides the asset list's filters: the typed codes, the part of a large
 * selection to print ({@code parte}, 1-based), and the spec filter rows to show again.
 */
final class FiltroEtiquetas {

    /** Parameters a part's link does not carry over. */
    private static final Set<String> NO_SE_COPIAN = Set.of("parte", "_csrf", "seleccion");

    /** One PDF of a selection larger than {@link EtiquetaService#MAXIMO}: its number, range and link. */
    record Parte(long numero, long desde, long hasta, String url) {}

    private FiltroEtiquetas() {}

    /** The codes typed or selected: one field may hold several, separated by spaces, commas, semicolons or lines. */
    static List<String> codigos(MultiValueMap<String, String> params) {
        return params.getOrDefault("codigo", List.of()).stream()
                .flatMap(c -> Arrays.stream(c.split("[\\s,;]+")))
                .filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT))
                .toList();
    }

    static int parte(MultiValueMap<String, String> params) {
        String parte = params.getFirst("parte");
        if (parte == null || parte.isBlank()) {
            return 1;
        }
        if (!parte.strip().matches("[1-9][0-9]{0,5}")) {
            throw new MalformedException("Query parameter 'parte' must be a positive integer", "parte");
        }
        return Integer.parseInt(parte.strip());
    }

    /** The parts a selection of {@code total} assets is printed in, each linking to its PDF. */
    static List<Parte> partes(MultiValueMap<String, String> params, long total) {
        List<Parte> partes = new ArrayList<>();
        long maximo = EtiquetaService.MAXIMO;
        for (long n = 1; (n - 1) * maximo < total; n++) {
            StringBuilder url = new StringBuilder("/etiquetas/pdf?");
            for (Map.Entry<String, List<String>> p : params.entrySet()) {
                if (!NO_SE_COPIAN.contains(p.getKey())) {
                    p.getValue().stream()
                            .filter(v -> !v.isBlank())
                            .forEach(v -> url.append(codificar(p.getKey()))
                                    .append('=')
                                    .append(codificar(v))
                                    .append('&'));
                }
            }
            url.append("parte=").append(n);
            partes.add(new Parte(n, (n - 1) * maximo + 1, Math.min(total, n * maximo), url.toString()));
        }
        return partes;
    }

    private static String codificar(String texto) {
        return URLEncoder.encode(texto, StandardCharsets.UTF_8);
    }

    /** The spec filter rows as sent (key and value), plus one empty row to add another. */
    static List<Map.Entry<String, String>> filasEspecificacion(MultiValueMap<String, String> params) {
        List<String> claves = params.getOrDefault("spec_clave", List.of());
        List<String> valores = params.getOrDefault("spec_valor", List.of());
        List<Map.Entry<String, String>> filas = new ArrayList<>();
        for (int i = 0; i < claves.size(); i++) {
            String valor = i < valores.size() ? valores.get(i) : "";
            if (!claves.get(i).isBlank() || !valor.isBlank()) {
                filas.add(Map.entry(claves.get(i).strip(), valor.strip()));
            }
        }
        filas.add(Map.entry("", ""));
        return filas;
    }
}
