package org.inventarioti.usuarios;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.config.InventarioProperties;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.LoginRefusedException;
import org.inventarioti.errors.LoginRefusedException.Reason;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Password login: a per-address rate limit, a per-account lock-out with a time-based release, the
 * same answer for an unknown user, a wrong password and a disabled account, and an audit row for
 * every attempt. Not one transaction: a failure's counter and audit row must stay written.
 */
@Service
public class AuthService {

    static final String ENTIDAD = "sesion";

    private final UsuarioRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final TokenService tokens;
    private final LoginRateLimiter rateLimiter;
    private final AuditoriaService auditoria;
    private final UsuarioService usuarios;
    private final InventarioProperties.Seguridad seguridad;
    private final Clock clock;
    private final String dummyHash;

    AuthService(
            UsuarioRepository repository,
            PasswordEncoder passwordEncoder,
            TokenService tokens,
            LoginRateLimiter rateLimiter,
            AuditoriaService auditoria,
            UsuarioService usuarios,
            InventarioProperties properties,
            Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.auditoria = auditoria;
        this.usuarios = usuarios;
        this.seguridad = properties.seguridad();
        this.clock = clock;
        this.dummyHash = passwordEncoder.encode(PasswordPolicy.generate());
    }

    public LoginResponse login(String email, String password, String clientAddress) {
        Usuario usuario = autenticar(email, password, clientAddress, null);
        TokenService.Token token = tokens.issue(usuario);
        return new LoginResponse(token.value(), token.expiresAt(), UsuarioView.of(usuario));
    }

    /**
     * The whole password check of a login, shared by the API and the browser form: the per-address
     * rate limit, the lock-out, the audit rows; answers the user as now stored.
     */
    Usuario autenticar(String email, String password, String clientAddress, Map<String, ?> detalles) {
        Optional<Duration> wait = rateLimiter.tryAcquire(clientAddress);
        if (wait.isPresent()) {
            auditoria.evento(
                    "login_limitado", ENTIDAD, null, email, Map.of("direccion", String.valueOf(clientAddress)));
            throw new LoginRefusedException(
                    Reason.RATE_LIMITED, "Too many login attempts from this address; retry later", wait.get());
        }
        Usuario usuario = verify(email, password);
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.recordSuccessfulLogin(usuario.id(), now);
        auditoria.evento("login", ENTIDAD, usuario.id(), usuario.email(), detalles);
        return repository.findById(usuario.id()).orElse(usuario);
    }

    public void cambiarPassword(String email, String actual, String nueva) {
        Usuario usuario;
        try {
            usuario = verify(email, actual);
        } catch (LoginRefusedException e) {
            if (e.reason() == Reason.CREDENTIALS) {
                throw InvalidException.of("password_actual", "is wrong");
            }
            throw e;
        }
        usuarios.restablecerPassword(usuario.id(), nueva);
    }

    /** The user whose password this is, or an exception; used by the API and the form login. */
    Usuario verify(String email, String password) {
        if (email == null || email.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
            passwordEncoder.matches(password == null ? "" : password, dummyHash);
            fail(email, null, "email_invalido");
        }
        var credenciales = repository.findCredenciales(email);
        if (credenciales.isEmpty()) {
            passwordEncoder.matches(password, dummyHash);
            fail(email, null, "usuario_desconocido");
        }
        Usuario usuario = credenciales.get().usuario();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (usuario.lockedUntil() != null && usuario.lockedUntil().isAfter(now)) {
            auditoria.evento("login_fallido", ENTIDAD, usuario.id(), usuario.email(), Map.of("motivo", "bloqueado"));
            throw locked(Duration.between(now, usuario.lockedUntil()));
        }
        if (!passwordEncoder.matches(password, credenciales.get().passwordHash())) {
            OffsetDateTime until = now.plus(seguridad.lockoutDuration()).withOffsetSameInstant(ZoneOffset.UTC);
            if (repository.recordFailedLogin(usuario.id(), seguridad.maxFailedLogins(), until)) {
                auditoria.evento(
                        "bloqueo_cuenta",
                        ENTIDAD,
                        usuario.id(),
                        usuario.email(),
                        Map.of("hasta", until.toString(), "intentos", seguridad.maxFailedLogins()));
            }
            fail(usuario.email(), usuario.id(), "password_incorrecta");
        }
        if (!usuario.enabled()) {
            fail(usuario.email(), usuario.id(), "deshabilitado");
        }
        return usuario;
    }

    private void fail(String email, Long id, String motivo) {
        auditoria.evento("login_fallido", ENTIDAD, id, email, Map.of("motivo", motivo));
        throw new LoginRefusedException(Reason.CREDENTIALS, "Email or password is wrong", null);
    }

    private static LoginRefusedException locked(Duration wait) {
        return new LoginRefusedException(
                Reason.LOCKED, "Too many failed logins; the account is locked for a while", wait);
    }
}
