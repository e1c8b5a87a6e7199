package org.inventarioti.usuarios;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.inventarioti.auditoria.AuditoriaService;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/** The browser side of signing in and out: where failures go and who is sent to the login page. */
final class WebLogin {

    static final String LOGIN = "/login";

    private WebLogin() {}

    /** A reason code (never the exception's text) and, for waits, whole minutes. */
    static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String target;
            if (exception instanceof FormularioLoginProvider.CuentaBloqueadaException locked) {
                target = LOGIN + "?error=bloqueada&minutos=" + minutes(locked.espera());
            } else if (exception instanceof FormularioLoginProvider.DemasiadosIntentosException limited) {
                target = LOGIN + "?error=limitado&minutos=" + minutes(limited.espera());
            } else {
                target = LOGIN + "?error=credenciales";
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }

    /**
     * Browsers go to the login page; an htmx request gets a 401 asking for a full reload (which
     * then redirects); actuator and non-HTML clients get the API's problem detail.
     */
    static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint problem) {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(LOGIN);
        return (request, response, exception) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
                problem.commence(request, response, exception);
            } else if ("true".equals(request.getHeader("HX-Request"))) {
                response.setHeader("HX-Refresh", "true");
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
            } else if (acceptsHtml(request)) {
                page.commence(request, response, exception);
            } else {
                problem.commence(request, response, exception);
            }
        };
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    static LogoutHandler auditLogout(AuditoriaService auditoria) {
        return (request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof UsuarioSesion usuario) {
                auditoria.evento(
                        "logout", AuthService.ENTIDAD, usuario.id(), usuario.email(), java.util.Map.of("canal", "web"));
            }
        };
    }
}
