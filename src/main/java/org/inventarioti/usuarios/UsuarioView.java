package org.inventarioti.usuarios;

import java.time.OffsetDateTime;

/** What the API and the audit trail show of a user. */
public record UsuarioView(
        long id,
        String nombre,
        String email,
        Rol rol,
        boolean enabled,
        OffsetDateTime bloqueadoHasta,
        OffsetDateTime ultimoLogin,
        OffsetDateTime createdAt) {

    static UsuarioView of(Usuario u) {
        return new UsuarioView(
                u.id(), u.nombre(), u.email(), u.rol(), u.enabled(), u.lockedUntil(), u.lastLoginAt(), u.createdAt());
    }
}
