package org.inventarioti.usuarios;

import java.time.Duration;
import java.util.Map;
import org.inventarioti.errors.LoginRefusedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The browser's form login, through the same rate limit, lock-out and audit as {@code POST
 * /api/auth/login}. The session carries every authority the role reaches, so templates can ask
 * {@code hasRole('LECTOR')} of an administrator.
 */
final class FormularioLoginProvider implements AuthenticationProvider {

    private final AuthService authService;
    private final RoleHierarchy roles;

    FormularioLoginProvider(AuthService authService, RoleHierarchy roles) {
        this.authService = authService;
        this.roles = roles;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        try {
            Usuario usuario =
                    authService.autenticar(authentication.getName(), password, address, Map.of("canal", "web"));
            return autenticado(UsuarioSesion.of(usuario), roles);
        } catch (LoginRefusedException e) {
            throw translate(e);
        }
    }

    static UsernamePasswordAuthenticationToken autenticado(UsuarioSesion usuario, RoleHierarchy roles) {
        var authorities = roles.getReachableGrantedAuthorities(
                java.util.List.of(new SimpleGrantedAuthority(usuario.rol().authority())));
        return UsernamePasswordAuthenticationToken.authenticated(usuario, null, authorities);
    }

    private static AuthenticationException translate(LoginRefusedException e) {
        Duration wait =
                e.retryAfter().map(FormularioLoginProvider::wholeSeconds).orElse(Duration.ZERO);
        return switch (e.reason()) {
            case LOCKED -> new CuentaBloqueadaException(wait);
            case RATE_LIMITED -> new DemasiadosIntentosException(wait);
            case CREDENTIALS -> new BadCredentialsException("Email or password is wrong");
        };
    }

    /** Rounded up as Retry-After says it, so the page and the API name the same wait. */
    private static Duration wholeSeconds(Duration wait) {
        return Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The account is locked after too many failures; {@code espera} until it opens again. */
    static final class CuentaBloqueadaException extends LockedException {
        private final Duration espera;

        CuentaBloqueadaException(Duration espera) {
            super("Account locked");
            this.espera = espera;
        }

        Duration espera() {
            return espera;
        }
    }

    /** Too many attempts from this address; {@code espera} until the next one is allowed. */
    static final class DemasiadosIntentosException extends AuthenticationException {
        private final Duration espera;

        DemasiadosIntentosException(Duration espera) {
            super("Too many login attempts");
            this.espera = espera;
        }

        Duration espera() {
            return espera;
        }
    }
}
