package org.inventarioti.ops.maintenance;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Whether writes are paused, since when, by whom, until when (unless renewed) and why. */
public record MaintenanceState(
        boolean activo, String mensaje, String titular, OffsetDateTime activoDesde, OffsetDateTime expiraEn) {

    static final MaintenanceState INACTIVO = new MaintenanceState(false, null, null, null, null);

    public static final String MENSAJE_POR_DEFECTO =
            "Inventario-TI is in maintenance: changes are paused for a few minutes; reading keeps working.";

    /** When the flag cannot be read (the database is down): shown as off. */
    public static MaintenanceState desconocido() {
        return INACTIVO;
    }

    public String mensajeVisible() {
        return mensaje == null || mensaje.isBlank() ? MENSAJE_POR_DEFECTO : mensaje;
    }

    /** Seconds a client should wait before retrying a write: until the flag would expire. */
    public Duration reintentarEn(OffsetDateTime ahora) {
        if (!activo) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(ahora, expiraEn);
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }
}
