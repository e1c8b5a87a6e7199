package org.inventarioti.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.UsuarioSesion;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser session of a test user for MockMvc, as the form login leaves it. The application
 * re-reads the user on every request, so the user must exist (see {@link TestUsers}).
 */
public final class Sesiones {

    private Sesiones() {}

    public static RequestPostProcessor de(TestUsers.TestUser user) {
        Rol rol = user.usuario().rol();
        UsuarioSesion principal =
                new UsuarioSesion(user.id(), user.email(), user.usuario().nombre(), rol, 0);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(rol.authority()))));
    }
}
