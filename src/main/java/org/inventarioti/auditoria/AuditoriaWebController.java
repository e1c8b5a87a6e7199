package org.inventarioti.auditoria;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.listing.ListPage;
import org.inventarioti.web.Fechas;
import org.inventarioti.web.Vistas;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail in the browser (ADMIN only, see SecurityConfiguration), over AuditoriaService. */
@Controller
@RequestMapping("/auditoria")
class AuditoriaWebController {

    static final List<String> ENTIDADES = List.of("activo", "categoria", "mantenimiento", "usuario", "sesion");
    static final List<String> ACCIONES = List.of("crear", "actualizar", "eliminar", "login", "login_fallido");

    /** One audit row: the record it is about, its before/after as indented JSON text. */
    record Fila(AuditoriaService.Entrada entrada, RegistroAuditado registro, String antes, String despues) {}

    private final AuditoriaService service;
    private final JsonMapper json;
    private final Fechas fechas;

    AuditoriaWebController(AuditoriaService service, JsonMapper json, Fechas fechas) {
        this.service = service;
        this.json = json;
        this.fechas = fechas;
    }

    @GetMapping
    String lista(@RequestParam Map<String, String> query, HtmxRequest htmx, Model model, HttpServletResponse response) {
        FiltroAuditoria filtro = FiltroAuditoria.de(query);
        model.addAttribute("filtro", filtro);
        model.addAttribute("entidades", ENTIDADES);
        model.addAttribute("acciones", ACCIONES);
        ListPage<AuditoriaService.Entrada> pagina;
        try {
            pagina = service.consultar(filtro.consulta(fechas.zona()));
        } catch (MalformedException e) {
            model.addAttribute("errorFiltro", e.parameter().orElse("null"));
            if (htmx == null || !htmx.isHtmxRequest()) {
                response.setStatus(400); // htmx swaps only successful answers: it gets the message with 200
            }
            pagina = new ListPage<>(List.of(), 0, 1, FiltroAuditoria.POR_PAGINA, null);
        }
        model.addAttribute("pagina", pagina);
        model.addAttribute("filas", pagina.items().stream().map(this::fila).toList());
        model.addAttribute("paginas", Math.max(1, (pagina.total() + pagina.size() - 1) / pagina.size()));
        return Vistas.paginaOFragmento(htmx, "auditoria/lista", "tabla");
    }

    private Fila fila(AuditoriaService.Entrada e) {
        return new Fila(e, RegistroAuditado.de(e), texto(e.antes()), texto(e.despues()));
    }

    private String texto(JsonNode nodo) {
        return nodo == null || nodo.isNull()
                ? null
                : json.writerWithDefaultPrettyPrinter().writeValueAsString(nodo);
    }
}
