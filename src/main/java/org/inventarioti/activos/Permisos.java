package org.inventarioti.activos;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The role checks of the asset pages that the URL rules cannot express by method alone: the form
 * pages are GETs (which readers may do) yet need TECNICO; deleting is a form POST (which
 * technicians may do) yet needs ADMIN. A refusal is the usual 403 error page.
 */
final class Permisos {

    private static final Set<String> ESCRIBEN = Set.of("ROLE_TECNICO", "ROLE_ADMIN");
    private static final Set<String> BORRAN = Set.of("ROLE_ADMIN");

    private Permisos() {}

    static boolean puedeEditar() {
        return tiene(ESCRIBEN);
    }

    static boolean puedeBorrar() {
        return tiene(BORRAN);
    }

    static void exigirEdicion() {
        if (!puedeEditar()) {
            throw new AccessDeniedException("TECNICO required");
        }
    }

    static void exigirBorrado() {
        if (!puedeBorrar()) {
            throw new AccessDeniedException("ADMIN required");
        }
    }

    private static boolean tiene(Set<String> roles) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority authority : auth.getAuthorities()) {
            if (roles.contains(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
