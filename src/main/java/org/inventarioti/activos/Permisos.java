package org.inventarioti.activos;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the asset pages show to the signed-in role: edit controls for TECNICO and up, delete for
 * ADMIN. The server enforces the same rules through the URL rules in SecurityConfiguration (the
 * form pages need TECNICO, {@code /activos/{codigo}/eliminar} needs ADMIN).
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
