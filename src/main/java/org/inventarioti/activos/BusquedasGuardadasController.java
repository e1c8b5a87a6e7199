package org.inventarioti.activos;

import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.usuarios.UsuarioService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saving and deleting one's own searches of the asset list (every role; under /cuenta, one's account). */
@Controller
@RequestMapping("/cuenta/busquedas")
class BusquedasGuardadasController {

    private final BusquedasGuardadas busquedas;

    BusquedasGuardadasController(BusquedasGuardadas busquedas) {
        this.busquedas = busquedas;
    }

    @PostMapping
    String guardar(
            @RequestParam(defaultValue = "") String nombre,
            @RequestParam(defaultValue = "") String consulta,
            RedirectAttributes redirect) {
        try {
            BusquedasGuardadas.Busqueda guardada = busquedas.guardar(usuario(), nombre, consulta);
            redirect.addFlashAttribute("aviso", "activos.busquedas.guardada");
            redirect.addFlashAttribute("avisoCodigo", guardada.nombre());
            return "redirect:" + guardada.url();
        } catch (InvalidException e) {
            redirect.addFlashAttribute("busquedaError", e.errors().get(0).field());
            return "redirect:/activos" + (BusquedasGuardadas.consultaValida(consulta) ? consulta : "");
        }
    }

    @PostMapping("/{id}/eliminar")
    String eliminar(@PathVariable long id, RedirectAttributes redirect) {
        if (!busquedas.eliminar(usuario(), id)) {
            throw new NotFoundException("Busqueda", id);
        }
        redirect.addFlashAttribute("aviso", "activos.busquedas.eliminada");
        return "redirect:/activos";
    }

    private static long usuario() {
        return UsuarioService.idEnSesion().orElseThrow(() -> new NotFoundException("Busqueda", "sin sesión"));
    }
}
