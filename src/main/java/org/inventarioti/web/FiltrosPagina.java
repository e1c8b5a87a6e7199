package org.inventarioti.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of a list page as the browser sends them: a blank field is no filter, a filter goes
 * to the service as a one-value query parameter, and the page links carry the filters set.
 */
public final class FiltrosPagina {

    private FiltrosPagina() {}

    /** The filter's text, stripped; null when absent or blank. */
    public static String valor(Map<String, String> query, String nombre) {
        String v = query.get(nombre);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Adds a filter that is set to the service's query. */
    public static void poner(Map<String, List<String>> consulta, String nombre, String valor) {
        if (valor != null) {
            consulta.put(nombre, List.of(valor));
        }
    }

    /** The query string of a page link with the filters that are set, in order ({@code ?} when none). */
    public static String enlace(Map<String, String> parametros) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        parametros.forEach((nombre, valor) -> {
            if (valor != null) {
                b.queryParam(nombre, valor);
            }
        });
        String query = b.encode().build().toUriString();
        return query.isEmpty() ? "?" : query;
    }

    /** The page asked for, 1 when absent or not a number. */
    public static int pagina(String page) {
        try {
            return page == null || !page.matches("[0-9]{1,9}") ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
