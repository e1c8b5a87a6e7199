package org.inventarioti.notificaciones;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox page under Administración ({@code /notificaciones}, ADMIN): counts by estado, the
 * notifications filtered by estado, canal, evento and destino, a failed one's error and its "retry
 * now". A webhook's URL is shown as its origin only: the rest of a Slack or Teams URL is its secret.
 */
@Controller
class BandejaWebController {

    static final int POR_PAGINA = 50;

    private final NotificacionService service;

    BandejaWebController(NotificacionService service) {
        this.service = service;
    }

    /** One row of the page. */
    record Fila(
            long id,
            String canal,
            String destino,
            String evento,
            String asunto,
            String estado,
            int intentos,
            OffsetDateTime creadaEn,
            OffsetDateTime proximoIntento,
            OffsetDateTime enviadaEn,
            String ultimoError) {

        static Fila de(Notificacion n) {
            return new Fila(
                    n.id(),
                    n.canal(),
                    n.canal().equals(Notificacion.WEBHOOK) ? origen(n.destino()) : n.destino(),
                    n.evento(),
                    n.asunto(),
                    n.estado(),
                    n.intentos(),
                    n.creadaEn(),
                    n.proximoIntento(),
                    n.enviadaEn(),
                    n.ultimoError());
        }

        private static String origen(String url) {
            try {
                URI uri = URI.create(url);
                return uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + "/…";
            } catch (RuntimeException e) {
                return "…";
            }
        }
    }

    @GetMapping("/notificaciones")
    String bandeja(
            @RequestParam(required = false) String estado,
            @RequestParam(required = false) String canal,
            @RequestParam(required = false) String evento,
            @RequestParam(required = false) String destino,
            @RequestParam(required = false) Long antes,
            Model model) {
        FiltroNotificaciones filtro = new FiltroNotificaciones(estado, canal, evento, destino, antes);
        List<Fila> filas =
                service.listar(filtro, POR_PAGINA).stream().map(Fila::de).toList();
        model.addAttribute("filtro", filtro);
        model.addAttribute("filas", filas);
        Map<String, Long> cuentas = service.cuentas(filtro);
        model.addAttribute("cuentas", cuentas);
        model.addAttribute(
                "total", cuentas.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("estados", FiltroNotificaciones.ESTADOS);
        model.addAttribute("canales", FiltroNotificaciones.CANALES);
        model.addAttribute("eventos", service.eventos());
        model.addAttribute(
                "siguiente",
                filas.size() == POR_PAGINA ? filas.get(filas.size() - 1).id() : null);
        return "notificaciones/bandeja";
    }

    @PostMapping("/notificaciones/{id}/reintentar")
    String reintentar(@PathVariable long id, RedirectAttributes redirect) {
        Notificacion n = service.reintentar(id);
        redirect.addFlashAttribute("reintentada", n.id());
        redirect.addFlashAttribute("resultado", n.estado());
        redirect.addFlashAttribute("error", n.estado().equals(Notificacion.ENVIADA) ? null : n.ultimoError());
        return "redirect:/notificaciones?estado=" + Notificacion.FALLIDA;
    }
}
