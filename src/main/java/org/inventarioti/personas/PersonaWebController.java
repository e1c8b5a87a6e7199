package org.inventarioti.personas;

import jakarta.servlet.http.HttpServletResponse;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InUseException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.StaleVersionException;
import org.inventarioti.web.ErroresFormulario;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people pages over PersonaService: the list and a person's page (what they hold now and
 * held before) for every role; the form and deletion for administrators.
 */
@Controller
@RequestMapping("/personas")
class PersonaWebController {

    private final PersonaService service;

    PersonaWebController(PersonaService service) {
        this.service = service;
    }

    @GetMapping
    String lista(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("personas", service.listar(q, null));
        model.addAttribute("q", q);
        model.addAttribute("pendientes", service.pendientes());
        return "personas/lista";
    }

    @GetMapping("/{id}")
    String ficha(@PathVariable long id, Model model) {
        model.addAttribute("ficha", service.ficha(id));
        return "personas/ficha";
    }

    @GetMapping("/nueva")
    String nueva(Model model) {
        model.addAttribute("form", PersonaForm.nueva());
        model.addAttribute("persona", null);
        return "personas/form";
    }

    @GetMapping("/{id}/editar")
    String editar(@PathVariable long id, Model model) {
        Persona persona = service.buscar(id);
        model.addAttribute("form", PersonaForm.de(persona));
        model.addAttribute("persona", persona);
        return "personas/form";
    }

    @PostMapping
    String crear(
            @ModelAttribute("form") PersonaForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            Persona creada = service.crear(form.request());
            redirect.addFlashAttribute("aviso", creada.nombre());
            return "redirect:/personas/" + creada.id();
        } catch (InvalidException | ConflictException e) {
            rechazar(e, result);
            model.addAttribute("persona", null);
            return "personas/form";
        }
    }

    @PostMapping("/{id}")
    String actualizar(
            @PathVariable long id,
            @ModelAttribute("form") PersonaForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        try {
            Persona guardada = service.reemplazar(id, form.request(), null);
            redirect.addFlashAttribute("aviso", guardada.nombre());
            return "redirect:/personas/" + id;
        } catch (InvalidException | ConflictException e) {
            rechazar(e, result);
            model.addAttribute("persona", service.buscar(id));
            return "personas/form";
        }
    }

    /** Refused while the person holds or held anything: their page says why (409). */
    @PostMapping("/{id}/eliminar")
    String eliminar(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Persona persona = service.buscar(id);
        try {
            service.eliminar(id, null);
        } catch (InUseException e) {
            response.setStatus(409);
            model.addAttribute("enUso", true);
            return ficha(id, model);
        }
        redirect.addFlashAttribute("eliminada", persona.nombre());
        return "redirect:/personas";
    }

    private static void rechazar(RuntimeException e, BindingResult result) {
        if (e instanceof StaleVersionException) {
            result.reject("personas.error.conflicto");
        } else if (e instanceof ConflictException c && c.field().isPresent()) {
            ErroresFormulario.anadir(
                    result, ErroresFormulario.Destino.campo(camel(c.field().get()), c.detail()));
        } else if (e instanceof InvalidException invalid) {
            ErroresFormulario.rechazar(
                    invalid,
                    result,
                    fe -> ErroresFormulario.Destino.campo(camel(fe.field()), fe.message()),
                    "personas.error.conflicto");
        } else {
            result.reject("personas.error.conflicto");
        }
    }

    /** numero_empleado → numeroEmpleado: the form's property of an API field. */
    static String camel(String campo) {
        StringBuilder sb = new StringBuilder();
        boolean mayuscula = false;
        for (char ch : campo.toCharArray()) {
            if (ch == '_') {
                mayuscula = true;
            } else {
                sb.append(mayuscula ? Character.toUpperCase(ch) : ch);
                mayuscula = false;
            }
        }
        String nombre = sb.toString();
        return java.util.Set.of("nombre", "email", "numeroEmpleado", "area", "cargo", "activa", "usuarioId")
                        .contains(nombre)
                ? nombre
                : null;
    }
}
