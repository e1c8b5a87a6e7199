package org.inventarioti.usuarios;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original Inventario-TI's login path, kept so scripts written against it keep working: the
 * same login and answer (its {@code token} field included) as POST /api/auth/login. Deprecated.
 */
@RestController
@Tag(name = "auth")
class LoginAliasController {

    static final String PATH = "/api/usuarios/login";

    private final AuthService authService;

    LoginAliasController(AuthService authService) {
        this.authService = authService;
    }

    @Operation(
            summary = "Log in (deprecated alias of POST /api/auth/login)",
            description = "The original Inventario-TI's path; answers like /api/auth/login.",
            deprecated = true)
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return ResponseEntity.ok()
                .header("Deprecation", "true")
                .header("Link", "</api/auth/login>; rel=\"successor-version\"")
                .body(authService.login(request.email(), request.password(), http.getRemoteAddr()));
    }
}
