package org.inventarioti.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/** One handler answers a whole page or, to an htmx request, only the fragment it swaps. */
public final class Vistas {

    private Vistas() {}

    public static String paginaOFragmento(HtmxRequest htmx, String vista, String fragmento) {
        boolean soloFragmento = htmx != null && htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
        return soloFragmento ? vista + " :: " + fragmento : vista;
    }
}
