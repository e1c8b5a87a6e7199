package org.inventarioti.usuarios;

import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; the form posts to Spring Security's login filter (see SecurityConfiguration). */
@Controller
class LoginController {

    private static final Set<String> ERRORES = Set.of("credenciales", "bloqueada", "limitado");

    @GetMapping(WebLogin.LOGIN)
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) Integer minutos,
            @RequestParam(required = false) String salida,
            @RequestParam(required = false) String cambiada,
            Authentication authentication,
            Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("error", error != null && ERRORES.contains(error) ? error : null);
        model.addAttribute("minutos", minutos == null || minutos < 1 ? 1 : minutos);
        model.addAttribute("salida", salida != null);
        model.addAttribute("passwordCambiada", cambiada != null);
        return "usuarios/login";
    }
}
