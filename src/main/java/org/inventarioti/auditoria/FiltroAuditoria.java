package org.inventarioti.auditoria;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.listing.ListParams;
import org.inventarioti.web.FiltrosPagina;

/**
 * The audit page's filters as the browser sends them: people filter by an asset's code
 * ({@code activo}); {@code entidad_id} stays for links that carry it. Dates are whole days in the server's time
 * zone, both included; the service takes instants with {@code hasta} excluded.
 */
record FiltroAuditoria(
        String entidad,
        String entidadId,
        String activo,
        String actor,
        String accion,
        String desde,
        String hasta,
        String page) {

    static final int POR_PAGINA = 25;

    static FiltroAuditoria de(Map<String, String> query) {
        return new FiltroAuditoria(
                FiltrosPagina.valor(query, "entidad"),
                FiltrosPagina.valor(query, "entidad_id"),
                FiltrosPagina.valor(query, "activo"),
                FiltrosPagina.valor(query, "actor"),
                FiltrosPagina.valor(query, "accion"),
                FiltrosPagina.valor(query, "desde"),
                FiltrosPagina.valor(query, "hasta"),
                FiltrosPagina.valor(query, "page"));
    }

    Map<String, List<String>> consulta(ZoneId zona) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        FiltrosPagina.poner(q, "entidad", entidad);
        FiltrosPagina.poner(q, "entidad_id", entidadId);
        FiltrosPagina.poner(q, "activo", activo);
        FiltrosPagina.poner(q, "actor", actor);
        FiltrosPagina.poner(q, "accion", accion);
        FiltrosPagina.poner(q, "page", page);
        if (desde != null) {
            FiltrosPagina.poner(
                    q,
                    "desde",
                    dia("desde", desde).atStartOfDay(zona).toOffsetDateTime().toString());
        }
        if (hasta != null) {
            FiltrosPagina.poner(
                    q,
                    "hasta",
                    dia("hasta", hasta)
                            .plusDays(1)
                            .atStartOfDay(zona)
                            .toOffsetDateTime()
                            .toString());
        }
        FiltrosPagina.poner(q, "size", Integer.toString(POR_PAGINA));
        return q;
    }

    public String enlace(int pagina) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("entidad", entidad);
        p.put("entidad_id", entidadId);
        p.put("activo", activo);
        p.put("actor", actor);
        p.put("accion", accion);
        p.put("desde", desde);
        p.put("hasta", hasta);
        p.put("page", pagina > 1 ? Integer.toString(pagina) : null);
        return FiltrosPagina.enlace(p);
    }

    public int pagina() {
        return FiltrosPagina.pagina(page);
    }

    private static LocalDate dia(String nombre, String valor) {
        try {
            LocalDate dia = LocalDate.parse(valor);
            if (!org.inventarioti.errors.Checks.fechaPlausible(dia)) {
                throw ListParams.bad(nombre, "must be a date between 1900-01-01 and 2199-12-31");
            }
            return dia;
        } catch (DateTimeParseException e) {
            throw ListParams.bad(nombre, "must be a date (YYYY-MM-DD)");
        }
    }
}
