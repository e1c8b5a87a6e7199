package org.inventarioti.asignaciones;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.time.LocalDate;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.personas.PersonaService;
import org.inventarioti.ubicaciones.UbicacionService;
import org.inventarioti.web.Vistas;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The custody section of an asset's page (loaded into it, or a page of its own): who or where it
 * is checked out to, its history, and for technicians the check-out and return forms.
 */
@Controller
@RequestMapping("/activos/{codigo}")
class AsignacionWebController {

    private final AsignacionService service;
    private final ActivoService activos;
    private final PersonaService personas;
    private final UbicacionService ubicaciones;

    AsignacionWebController(
            AsignacionService service, ActivoService activos, PersonaService personas, UbicacionService ubicaciones) {
        this.service = service;
        this.activos = activos;
        this.personas = personas;
        this.ubicaciones = ubicaciones;
    }

    @GetMapping("/custodia")
    String custodia(@PathVariable String codigo, HtmxRequest htmx, Model model) {
        Activo activo = activos.porCodigo(codigo);
        model.addAttribute("activo", activo);
        model.addAttribute("abierta", service.abierta(activo.id()).orElse(null));
        model.addAttribute("historial", service.historial(activo.id()));
        model.addAttribute("personas", personas.listar(null, true));
        model.addAttribute("ubicaciones", ubicaciones.listar(null));
        model.addAttribute("condiciones", Condiciones.TODAS);
        return Vistas.paginaOFragmento(htmx, "asignaciones/custodia", "custodia");
    }

    /** {@code destino} is {@code persona:<id>} or {@code ubicacion:<id>}. */
    @PostMapping("/asignar")
    String asignar(
            @PathVariable String codigo,
            @RequestParam(defaultValue = "") String destino,
            @RequestParam(defaultValue = "") String condicion,
            @RequestParam(required = false) LocalDate devolucionPrevista,
            @RequestParam(required = false) String notas,
            RedirectAttributes redirect) {
        Activo activo = activos.porCodigo(codigo);
        Long persona = id(destino, "persona:");
        Long ubicacion = id(destino, "ubicacion:");
        try {
            service.asignar(
                    activo.id(), new AsignacionRequest(persona, ubicacion, null, devolucionPrevista, condicion, notas));
            redirect.addFlashAttribute("custodiaAviso", "asignaciones.aviso.entregado");
        } catch (InvalidException | ConflictException e) {
            redirect.addFlashAttribute("custodiaError", mensaje(e));
        }
        return "redirect:/activos/" + codigo + "/custodia";
    }

    @PostMapping("/devolver")
    String devolver(
            @PathVariable String codigo,
            @RequestParam(defaultValue = "") String condicion,
            @RequestParam(required = false) String notas,
            @RequestParam(required = false) Long ubicacionId,
            RedirectAttributes redirect) {
        Activo activo = activos.porCodigo(codigo);
        try {
            service.devolver(activo.id(), new DevolucionRequest(condicion, notas, ubicacionId));
            redirect.addFlashAttribute("custodiaAviso", "asignaciones.aviso.devuelto");
        } catch (InvalidException | ConflictException e) {
            redirect.addFlashAttribute("custodiaError", mensaje(e));
        }
        return "redirect:/activos/" + codigo + "/custodia";
    }

    private static Long id(String destino, String prefijo) {
        if (!destino.startsWith(prefijo)) {
            return null;
        }
        try {
            return Long.parseLong(destino.substring(prefijo.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String mensaje(RuntimeException e) {
        if (e instanceof InvalidException invalid && !invalid.errors().isEmpty()) {
            return String.join(
                    "; ", invalid.errors().stream().map(f -> f.message()).toList());
        }
        return e instanceof ConflictException c ? c.detail() : e.getMessage();
    }
}
