package org.inventarioti.usuarios;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.LoginRefusedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Any signed-in user changes their own password; the session then ends, as every token does. */
@Controller
@RequestMapping("/cuenta/password")
class CuentaController {

    record CambioPasswordForm(
            @NotNull String actual,
            @NotBlank String nueva,
            @NotNull String repetida) {

        static CambioPasswordForm vacio() {
            return new CambioPasswordForm("", "", "");
        }

        @Override
        public String toString() {
            return "CambioPasswordForm[<hidden>]";
        }
    }

    private final AuthService authService;

    CuentaController(AuthService authService) {
        this.authService = authService;
    }

    @GetMapping
    String formulario(Model model) {
        model.addAttribute("form", CambioPasswordForm.vacio());
        return "usuarios/password";
    }

    @PostMapping
    String cambiar(
            @Valid @ModelAttribute("form") CambioPasswordForm form,
            BindingResult result,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!result.hasErrors() && !form.nueva().equals(form.repetida())) {
            result.rejectValue("repetida", "cuenta.error.distintas");
        }
        if (result.hasErrors()) {
            return "usuarios/password";
        }
        try {
            authService.cambiarPassword(authentication.getName(), form.actual(), form.nueva());
        } catch (InvalidException e) {
            boolean actual = e.errors().stream().anyMatch(f -> f.field().equals("password_actual"));
            if (actual) {
                result.rejectValue("actual", "cuenta.error.actual");
            } else {
                result.rejectValue("nueva", "usuarios.error.password", new Object[] {PasswordPolicy.MIN_LENGTH}, null);
            }
            return "usuarios/password";
        } catch (LoginRefusedException e) {
            result.rejectValue("actual", "login.error.bloqueadaCorta");
            return "usuarios/password";
        }
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?cambiada";
    }
}
