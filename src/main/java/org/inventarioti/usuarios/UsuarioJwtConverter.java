package org.inventarioti.usuarios;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns a verified token into the current user's authentication. The role is read from the
 * database on every request; a disabled user, a deleted one, or a token older than the user's
 * last password change is refused (401).
 */
@Component
class UsuarioJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UsuarioRepository repository;

    UsuarioJwtConverter(UsuarioRepository repository) {
        this.repository = repository;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        long id;
        try {
            id = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw new InvalidBearerTokenException("Invalid token subject");
        }
        Usuario usuario = repository
                .findById(id)
                .filter(Usuario::enabled)
                .orElseThrow(() -> new InvalidBearerTokenException("The user of this token is disabled or gone"));
        Object version = jwt.getClaims().get(TokenService.TOKEN_VERSION);
        if (!(version instanceof Number n) || n.intValue() != usuario.tokenVersion()) {
            throw new InvalidBearerTokenException("This token was revoked");
        }
        return new JwtAuthenticationToken(
                jwt, List.of(new SimpleGrantedAuthority(usuario.rol().authority())), usuario.email());
    }
}
