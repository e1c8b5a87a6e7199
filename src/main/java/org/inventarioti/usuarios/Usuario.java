package org.inventarioti.usuarios;

import java.time.OffsetDateTime;

/** A user as stored, without the password hash (which never leaves {@link UsuarioRepository}). */
public record Usuario(
        long id,
        String nombre,
        String email,
        Rol rol,
        boolean enabled,
        int failedLogins,
        OffsetDateTime lockedUntil,
        int tokenVersion,
        OffsetDateTime lastLoginAt,
        boolean demo,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
