package org.inventarioti.usuarios;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.inventarioti.config.InventarioProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues the API's bearer tokens: HS256, subject = user id, with the user's token version so a
 * password change or a disable revokes every earlier token.
 */
@Service
public class TokenService {

    static final String ISSUER = "inventario-ti";
    static final String TOKEN_VERSION = "tv";

    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    TokenService(JwtEncoder encoder, InventarioProperties properties, Clock clock) {
        this.encoder = encoder;
        this.lifetime = properties.jwt().expiresIn();
        this.clock = clock;
    }

    public record Token(String value, Instant expiresAt) {}

    public Token issue(Usuario usuario) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(Long.toString(usuario.id()))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("email", usuario.email())
                .claim(TOKEN_VERSION, usuario.tokenVersion())
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Token(value, expiresAt);
    }
}
