package org.inventarioti.ops.migrate;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guarantee 1: a contract migration runs only while maintenance mode is on and a backup taken
 * since it began has passed a test restore with matching row counts. Both facts are read from the
 * database (written by `maintenance on` and `verify --restore-test`), never taken from a flag.
 */
final class ContractGate {

    record Result(boolean open, String reason) {}

    private record Window(OffsetDateTime since, boolean current) {}

    private ContractGate() {}

    static Result evaluate(JdbcClient jdbc) {
        boolean tables = jdbc.sql("SELECT to_regclass('ops_modo_mantenimiento') IS NOT NULL"
                        + " AND to_regclass('ops_backup_verificaciones') IS NOT NULL")
                .query(Boolean.class)
                .single();
        if (!tables) {
            return new Result(false, "the schema has no maintenance flag yet: run `inventario migrate apply` first");
        }
        Optional<Window> window = jdbc.sql(
                        "SELECT activo_desde, expira_en > now() AS vigente FROM ops_modo_mantenimiento")
                .query((rs, n) -> new Window(rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2)))
                .optional();
        if (window.isEmpty() || !window.get().current()) {
            return new Result(false, "maintenance mode is off: contract migrations run only in a maintenance window");
        }
        Optional<String> archive = jdbc.sql("""
                        SELECT archivo FROM ops_backup_verificaciones
                        WHERE restore_test AND conteos_coinciden AND backup_creado_en >= :desde
                        ORDER BY backup_creado_en DESC LIMIT 1
                        """)
                .param("desde", window.get().since())
                .query(String.class)
                .optional();
        if (archive.isEmpty()) {
            return new Result(
                    false,
                    "no backup taken since maintenance mode began ("
                            + window.get().since()
                            + ") has passed `inventario verify --restore-test` with matching row counts");
        }
        return new Result(true, "verified backup " + archive.get());
    }
}
