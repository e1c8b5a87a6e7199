package org.inventarioti.reportes;

import java.util.Map;
import org.inventarioti.errors.MalformedException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports as JSON (any role, LECTOR up): {@code GET /api/reportes/resumen} gives the three
 * summaries, {@code GET /api/reportes/{estado|categoria|area}} one of them; both take the filters
 * of {@link FiltroReporte}.
 */
@RestController
@RequestMapping(path = "/api/reportes", produces = MediaType.APPLICATION_JSON_VALUE)
class ReporteApiController {

    private final ReporteService service;

    ReporteApiController(ReporteService service) {
        this.service = service;
    }

    @GetMapping("/resumen")
    Map<String, Resumen> resumen(@RequestParam Map<String, String> query) {
        return service.resumenes(filtro(query));
    }

    @GetMapping("/{dimension}")
    Resumen porDimension(@PathVariable String dimension, @RequestParam Map<String, String> query) {
        return service.resumen(dimension, filtro(query));
    }

    static FiltroReporte filtro(Map<String, String> query) {
        query.keySet().stream()
                .filter(name -> !FiltroReporte.PARAMETROS.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new MalformedException(
                            "Unknown query parameter '" + name + "'; known: " + FiltroReporte.PARAMETROS, name);
                });
        return FiltroReporte.de(query);
    }
}
