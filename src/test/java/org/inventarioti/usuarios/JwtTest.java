package org.inventarioti.usuarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@InventarioTest
class JwtTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    UsuarioService usuarios;

    @Autowired
    JdbcClient jdbc;

    private int status(String token) {
        return mvc.get()
                .uri("/api/usuarios")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .getResponse()
                .getStatus();
    }

    private JwtClaimsSet.Builder claims(TestUser user) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
                .issuer(TokenService.ISSUER)
                .subject(Long.toString(user.id()))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .claim(TokenService.TOKEN_VERSION, 0);
    }

    private String sign(JwtEncoder with, JwtClaimsSet claims) {
        return with.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    @Test
    void aTokenSignedWithTheKeyWorks() {
        TestUser admin = users.create(Rol.ADMIN);
        assertThat(status(sign(encoder, claims(admin).build()))).isEqualTo(200);
    }

    @Test
    void expiredTokenIsRefused() {
        TestUser admin = users.create(Rol.ADMIN);
        Instant past = Instant.now().minusSeconds(3600);
        String token = sign(
                encoder,
                claims(admin).issuedAt(past.minusSeconds(60)).expiresAt(past).build());
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        TestUser admin = users.create(Rol.ADMIN);
        var otherKey = new SecretKeySpec(
                "another-key-another-key-another-key!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtEncoder other = NimbusJwtEncoder.withSecretKey(otherKey)
                .algorithm(MacAlgorithm.HS256)
                .build();
        assertThat(status(sign(other, claims(admin).build()))).isEqualTo(401);
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        TestUser admin = users.create(Rol.ADMIN);
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"inventario-ti\",\"sub\":\"" + admin.id() + "\",\"tv\":0,\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}");
        assertThat(status(header + "." + payload + ".")).isEqualTo(401);
    }

    @Test
    void alteredClaimsBreakTheSignature() {
        TestUser lector = users.create(Rol.LECTOR);
        TestUser admin = users.create(Rol.ADMIN);
        String[] parts = users.token(lector.email()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"" + lector.id() + "\"", "\"sub\":\"" + admin.id() + "\"");
        assertThat(payload).contains("\"sub\":\"" + admin.id() + "\"");
        assertThat(status(parts[0] + "." + b64(payload) + "." + parts[2])).isEqualTo(401);
    }

    @Test
    void wrongIssuerAndGarbageAreRefused() {
        TestUser admin = users.create(Rol.ADMIN);
        assertThat(status(sign(encoder, claims(admin).issuer("someone-else").build())))
                .isEqualTo(401);
        assertThat(status("not-a-token")).isEqualTo(401);
        assertThat(status(sign(encoder, claims(admin).subject("abc").build()))).isEqualTo(401);
    }

    @Test
    void disablingAUserOrChangingThePasswordRevokesTheirTokens() {
        TestUser first = users.create(Rol.ADMIN);
        TestUser second = users.create(Rol.ADMIN);
        assertThat(status(first.token())).isEqualTo(200);
        usuarios.actualizar(first.id(), new ActualizarUsuarioRequest(null, null, false));
        assertThat(status(first.token())).isEqualTo(401);

        assertThat(status(second.token())).isEqualTo(200);
        usuarios.restablecerPassword(second.id(), "a-brand-new-password");
        assertThat(status(second.token())).isEqualTo(401);
        assertThat(status(users.token(second.email()))).isEqualTo(200);
    }

    @Test
    void aRoleChangeAppliesToExistingTokensAtOnce() {
        TestUser user = users.create(Rol.ADMIN);
        users.create(Rol.ADMIN);
        assertThat(status(user.token())).isEqualTo(200);
        usuarios.actualizar(user.id(), new ActualizarUsuarioRequest(null, Rol.LECTOR, null));
        assertThat(status(user.token())).isEqualTo(403);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
