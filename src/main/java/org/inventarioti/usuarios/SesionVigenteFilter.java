package org.inventarioti.usuarios;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user on every browser request, as the API does for tokens: a disabled or
 * deleted user, or one whose password changed since signing in, loses the session at once; a
 * changed role or name applies from the next request.
 */
final class SesionVigenteFilter extends OncePerRequestFilter {

    private final UsuarioRepository repository;
    private final RoleHierarchy roles;

    SesionVigenteFilter(UsuarioRepository repository, RoleHierarchy roles) {
        this.repository = repository;
        this.roles = roles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UsuarioSesion sesion) {
            Optional<UsuarioSesion> actual = repository
                    .findById(sesion.id())
                    .filter(Usuario::enabled)
                    .filter(u -> u.tokenVersion() == sesion.tokenVersion())
                    .map(UsuarioSesion::of);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (actual.isPresent()) {
                context.setAuthentication(FormularioLoginProvider.autenticado(actual.get(), roles));
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
