package org.inventarioti.usuarios;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.web.Vistas;
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

/** The administrators' user pages (ADMIN only, see SecurityConfiguration), over UsuarioService. */
@Controller
@RequestMapping("/usuarios")
class UsuarioWebController {

    private final UsuarioService service;
    private final Clock clock;

    UsuarioWebController(UsuarioService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GetMapping
    String lista(@RequestParam(defaultValue = "") String q, HtmxRequest htmx, Model model) {
        String texto = q.strip().toLowerCase(Locale.ROOT);
        List<UsuarioView> usuarios = service.listar().stream()
                .filter(u -> texto.isEmpty()
                        || u.email().contains(texto)
                        || u.nombre().toLowerCase(Locale.ROOT).contains(texto))
                .toList();
        model.addAttribute("usuarios", usuarios);
        model.addAttribute("q", q);
        model.addAttribute("ahora", OffsetDateTime.now(clock));
        return Vistas.paginaOFragmento(htmx, "usuarios/lista", "tabla");
    }

    @GetMapping("/nuevo")
    String nuevo(Model model) {
        model.addAttribute("form", UsuarioForm.nuevo());
        model.addAttribute("roles", Rol.values());
        return "usuarios/form";
    }

    @PostMapping
    String crear(@Valid @ModelAttribute("form") UsuarioForm form, BindingResult result, Model model) {
        if (form.email() == null || form.email().isBlank()) {
            result.rejectValue("email", "NotBlank");
        }
        if (result.hasErrors()) {
            model.addAttribute("roles", Rol.values());
            return "usuarios/form";
        }
        boolean generada = form.password() == null || form.password().isEmpty();
        String password = generada ? PasswordPolicy.generate() : form.password();
        try {
            UsuarioView creado =
                    service.crear(new CrearUsuarioRequest(form.nombre(), form.email(), form.rol(), password));
            model.addAttribute("usuario", creado);
            model.addAttribute("password", generada ? password : null);
            return "usuarios/creado";
        } catch (ConflictException | InvalidException e) {
            rechazar(e, result);
            model.addAttribute("roles", Rol.values());
            return "usuarios/form";
        }
    }

    @GetMapping("/{id}")
    String editar(@PathVariable long id, Model model) {
        UsuarioView usuario = service.buscar(id);
        model.addAttribute("usuario", usuario);
        model.addAttribute("form", UsuarioForm.de(usuario));
        model.addAttribute("roles", Rol.values());
        return "usuarios/form";
    }

    @PostMapping("/{id}")
    String actualizar(
            @PathVariable long id,
            @Valid @ModelAttribute("form") UsuarioForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UsuarioView usuario = service.buscar(id);
        if (!result.hasFieldErrors("nombre") && !result.hasFieldErrors("rol")) {
            try {
                service.actualizar(
                        id,
                        new ActualizarUsuarioRequest(form.nombre(), form.rol(), Boolean.TRUE.equals(form.enabled())));
                redirect.addFlashAttribute("aviso", "usuarios.guardado");
                return "redirect:/usuarios";
            } catch (ConflictException | InvalidException e) {
                rechazar(e, result);
            }
        }
        model.addAttribute("usuario", usuario);
        model.addAttribute("roles", Rol.values());
        return "usuarios/form";
    }

    /** A new generated password, shown once on the answer page and never stored in the session. */
    @PostMapping("/{id}/password")
    String restablecerPassword(@PathVariable long id, Model model) {
        String password = PasswordPolicy.generate();
        service.restablecerPassword(id, password);
        model.addAttribute("usuario", service.buscar(id));
        model.addAttribute("password", password);
        model.addAttribute("restablecida", true);
        return "usuarios/creado";
    }

    private static void rechazar(RuntimeException e, BindingResult result) {
        if (e instanceof ConflictException conflict && conflict.field().isPresent()) {
            result.rejectValue("email", "usuarios.error.emailDuplicado");
        } else if (e instanceof ConflictException) {
            result.reject("usuarios.error.ultimoAdmin");
        } else {
            result.rejectValue("password", "usuarios.error.password", new Object[] {PasswordPolicy.MIN_LENGTH}, null);
        }
    }
}
