package org.inventarioti.ubicaciones;

import jakarta.servlet.http.HttpServletResponse;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InUseException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.StaleVersionException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of places: the tree with every path, a form to add a place under
 * another, rename or move one (with its subtree), and delete one not in use (409 with the reason).
 */
@Controller
@RequestMapping("/ubicaciones")
class UbicacionWebController {

    private final UbicacionService service;

    UbicacionWebController(UbicacionService service) {
        this.service = service;
    }

    @GetMapping
    String lista(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("ubicaciones", service.listar(q));
        model.addAttribute("todas", service.listar(null));
        model.addAttribute("q", q);
        return "ubicaciones/lista";
    }

    @GetMapping("/{id}")
    String editar(@PathVariable long id, Model model) {
        model.addAttribute("ubicacion", service.buscar(id));
        model.addAttribute("todas", service.listar(null));
        return "ubicaciones/form";
    }

    @PostMapping
    String crear(
            @RequestParam String nombre,
            @RequestParam(required = false) Long padreId,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Ubicacion u = service.crear(new UbicacionRequest(nombre, padreId, null));
            redirect.addFlashAttribute("aviso", u.ruta());
            return "redirect:/ubicaciones";
        } catch (InvalidException | ConflictException e) {
            response.setStatus(e instanceof InvalidException ? 422 : 409);
            model.addAttribute("error", mensaje(e));
            return lista("", model);
        }
    }

    @PostMapping("/{id}")
    String actualizar(
            @PathVariable long id,
            @RequestParam String nombre,
            @RequestParam(required = false) Long padreId,
            @RequestParam int version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Ubicacion u = service.reemplazar(id, new UbicacionRequest(nombre, padreId, version), null);
            redirect.addFlashAttribute("aviso", u.ruta());
            return "redirect:/ubicaciones";
        } catch (InvalidException | ConflictException e) {
            response.setStatus(e instanceof InvalidException ? 422 : 409);
            model.addAttribute("error", e instanceof StaleVersionException ? "stale" : mensaje(e));
            return editar(id, model);
        }
    }

    @PostMapping("/{id}/eliminar")
    String eliminar(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Ubicacion u = service.buscar(id);
        try {
            service.eliminar(id, null);
        } catch (InUseException e) {
            response.setStatus(409);
            model.addAttribute("error", e.detail());
            return lista("", model);
        }
        redirect.addFlashAttribute("eliminada", u.ruta());
        return "redirect:/ubicaciones";
    }

    private static String mensaje(RuntimeException e) {
        if (e instanceof InvalidException invalid && !invalid.errors().isEmpty()) {
            return invalid.errors().get(0).message();
        }
        return e instanceof ConflictException c ? c.detail() : e.getMessage();
    }
}
