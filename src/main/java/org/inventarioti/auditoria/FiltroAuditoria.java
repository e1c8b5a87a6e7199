package org.inventarioti.auditoria;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.listing.ListParams;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's filters as the browser sends them. Dates are whole days in the server's time
 * zone, both included; the service takes instants with {@code hasta} excluded.
 */
record FiltroAuditoria(
        String entidad, String entidadId, String actor, String accion, String desde, String hasta, String page) {

    static final int POR_PAGINA = 25;

    static FiltroAuditoria de(Map<String, String> query) {
        return new FiltroAuditoria(
                valor(query, "entidad"),
                valor(query, "entidad_id"),
                valor(query, "actor"),
                valor(query, "accion"),
                valor(query, "desde"),
                valor(query, "hasta"),
                valor(query, "page"));
    }

    Map<String, List<String>> consulta(ZoneId zona) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        poner(q, "entidad", entidad);
        poner(q, "entidad_id", entidadId);
        poner(q, "actor", actor);
        poner(q, "accion", accion);
        poner(q, "page", page);
        if (desde != null) {
            poner(
                    q,
                    "desde",
                    dia("desde", desde).atStartOfDay(zona).toOffsetDateTime().toString());
        }
        if (hasta != null) {
            poner(
                    q,
                    "hasta",
                    dia("hasta", hasta)
                            .plusDays(1)
                            .atStartOfDay(zona)
                            .toOffsetDateTime()
                            .toString());
        }
        poner(q, "size", Integer.toString(POR_PAGINA));
        return q;
    }

    public String enlace(int pagina) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        anadir(b, "entidad", entidad);
        anadir(b, "entidad_id", entidadId);
        anadir(b, "actor", actor);
        anadir(b, "accion", accion);
        anadir(b, "desde", desde);
        anadir(b, "hasta", hasta);
        anadir(b, "page", pagina > 1 ? Integer.toString(pagina) : null);
        String query = b.encode().build().toUriString();
        return query.isEmpty() ? "?" : query;
    }

    public int pagina() {
        try {
            return page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static LocalDate dia(String nombre, String valor) {
        try {
            return LocalDate.parse(valor);
        } catch (DateTimeParseException e) {
            throw ListParams.bad(nombre, "must be a date (YYYY-MM-DD)");
        }
    }

    private static void anadir(UriComponentsBuilder b, String nombre, String valor) {
        if (valor != null) {
            b.queryParam(nombre, valor);
        }
    }

    private static void poner(Map<String, List<String>> q, String nombre, String valor) {
        if (valor != null) {
            q.put(nombre, List.of(valor));
        }
    }

    private static String valor(Map<String, String> query, String nombre) {
        String v = query.get(nombre);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
