package org.inventarioti.support;

import java.util.UUID;
import org.inventarioti.usuarios.CrearUsuarioRequest;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.TokenService;
import org.inventarioti.usuarios.UsuarioService;
import org.inventarioti.usuarios.UsuarioView;
import org.springframework.boot.test.context.TestComponent;

/** Creates users with known passwords and gives their bearer tokens, without the login endpoint. */
@TestComponent
public class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";

    private final UsuarioService usuarios;
    private final TokenService tokens;

    TestUsers(UsuarioService usuarios, TokenService tokens) {
        this.usuarios = usuarios;
        this.tokens = tokens;
    }

    public record TestUser(UsuarioView usuario, String email, String password, String token) {
        public String bearer() {
            return "Bearer " + token;
        }

        public long id() {
            return usuario.id();
        }
    }

    public TestUser create(Rol rol) {
        String email =
                rol.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
        UsuarioView view = usuarios.crear(new CrearUsuarioRequest("Test " + rol, email, rol, PASSWORD));
        return new TestUser(view, email, PASSWORD, token(email));
    }

    public String token(String email) {
        return tokens.issue(usuarios.porEmail(email).orElseThrow()).value();
    }
}
