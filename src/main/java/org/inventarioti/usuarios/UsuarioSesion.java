package org.inventarioti.usuarios;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in to the browser UI. Stored in the database session (hence serializable) and
 * refreshed from the users table on every request by {@link SesionVigenteFilter}; its name is the
 * email, as for API tokens, so the audit trail names the same actor either way.
 */
public record UsuarioSesion(long id, String email, String nombre, Rol rol, int tokenVersion)
        implements AuthenticatedPrincipal, Serializable {

    static UsuarioSesion of(Usuario usuario) {
        return new UsuarioSesion(
                usuario.id(), usuario.email(), usuario.nombre(), usuario.rol(), usuario.tokenVersion());
    }

    @Override
    public String getName() {
        return email;
    }
}
