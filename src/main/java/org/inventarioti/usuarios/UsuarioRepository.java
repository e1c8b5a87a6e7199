package org.inventarioti.usuarios;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UsuarioRepository {

    private static final String COLUMNS = """
            id, nombre, email, rol, enabled, failed_logins, locked_until, token_version, last_login_at, demo,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    UsuarioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Credenciales(Usuario usuario, String passwordHash) {}

    Optional<Usuario> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usuarios WHERE id = ?")
                .param(id)
                .query(Usuario.class)
                .optional();
    }

    Optional<Usuario> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usuarios WHERE lower(email) = ?")
                .param(Usuario.normalizeEmail(email))
                .query(Usuario.class)
                .optional();
    }

    Optional<Credenciales> findCredenciales(String email) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM usuarios WHERE lower(email) = ?")
                .param(Usuario.normalizeEmail(email))
                .query((rs, n) -> new Credenciales(
                        new org.springframework.jdbc.core.DataClassRowMapper<>(Usuario.class).mapRow(rs, n),
                        rs.getString("password_hash")))
                .optional();
    }

    List<Usuario> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM usuarios ORDER BY lower(email)")
                .query(Usuario.class)
                .list();
    }

    long countNoDemo() {
        return jdbc.sql("SELECT count(*) FROM usuarios WHERE NOT demo")
                .query(Long.class)
                .single();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM usuarios").query(Long.class).single();
    }

    long insert(String nombre, String email, Rol rol, String passwordHash, boolean demo) {
        return jdbc.sql("""
                        INSERT INTO usuarios (nombre, email, rol, password_hash, demo)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(nombre.trim(), Usuario.normalizeEmail(email), rol.name(), passwordHash, demo)
                .query(Long.class)
                .single();
    }

    void update(long id, String nombre, Rol rol, boolean enabled, boolean revokeTokens) {
        jdbc.sql("""
                        UPDATE usuarios SET nombre = ?, rol = ?, enabled = ?, updated_at = now(),
                               token_version = token_version + CASE WHEN ? THEN 1 ELSE 0 END
                        WHERE id = ?""")
                .params(nombre.trim(), rol.name(), enabled, revokeTokens, id)
                .update();
    }

    /** A new password revokes every token issued before it and lifts a lock-out. */
    void updatePassword(long id, String passwordHash) {
        jdbc.sql("""
                        UPDATE usuarios SET password_hash = ?, token_version = token_version + 1, failed_logins = 0,
                               locked_until = NULL, updated_at = now()
                        WHERE id = ?""").params(passwordHash, id).update();
    }

    /**
     * Counts a failure atomically. On reaching {@code max} the account is locked until {@code
     * lockUntil} and the counter starts again; returns whether this failure locked it.
     */
    boolean recordFailedLogin(long id, int max, OffsetDateTime lockUntil) {
        return jdbc.sql("""
                        UPDATE usuarios SET
                            failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
                            locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END
                        WHERE id = :id
                        RETURNING failed_logins = 0""")
                .param("max", max)
                .param("lockUntil", lockUntil)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    void recordSuccessfulLogin(long id, OffsetDateTime at) {
        jdbc.sql("UPDATE usuarios SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                .params(at, id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM usuarios WHERE id = ?").param(id).update();
    }

    /** Locks the enabled administrators' rows so two concurrent changes cannot remove the last one. */
    long countOtherEnabledAdminsForUpdate(long exceptId) {
        return jdbc.sql("SELECT id FROM usuarios WHERE rol = 'ADMIN' AND enabled AND id <> ? FOR UPDATE")
                .param(exceptId)
                .query(Long.class)
                .list()
                .size();
    }
}
