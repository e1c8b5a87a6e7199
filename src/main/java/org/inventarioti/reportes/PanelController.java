package org.inventarioti.reportes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.asignaciones.AsignacionesVencidas;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard: the numbers as text and, for the charts, the same numbers as JSON in a data attribute. */
@Controller
class PanelController {

    private final ReporteService service;
    private final JsonMapper json;
    private final TextosReporte etiquetas;
    private final AsignacionesVencidas devoluciones;

    private final Clock clock;

    PanelController(
            ReporteService service,
            JsonMapper json,
            TextosReporte etiquetas,
            AsignacionesVencidas devoluciones,
            Clock clock) {
        this.devoluciones = devoluciones;
        this.service = service;
        this.json = json;
        this.etiquetas = etiquetas;
        this.clock = clock;
    }

    @GetMapping("/")
    String panel(Model model) {
        Panel panel = service.panel();
        model.addAttribute("panel", panel);
        model.addAttribute("devolucionesVencidas", devoluciones.vencidas());
        model.addAttribute("devolucionesSemana", devoluciones.estaSemana());
        model.addAttribute("enlaces", EnlacesPanel.de(LocalDate.now(clock), service.categorias()));
        Map<String, Object> graficos = new LinkedHashMap<>();
        graficos.put("estado", serie(panel.porEstado()));
        graficos.put("categoria", serie(panel.porCategoria()));
        graficos.put("area", serie(panel.porArea()));
        model.addAttribute("graficos", json.writeValueAsString(graficos));
        return "reportes/panel";
    }

    private Map<String, List<?>> serie(Resumen resumen) {
        return Map.of(
                "etiquetas",
                resumen.filas().stream()
                        .map(f -> etiquetas.texto(resumen.dimension(), f.clave()))
                        .toList(),
                "valores",
                resumen.filas().stream().map(Resumen.Fila::cantidad).toList());
    }
}
