package org.inventarioti.backups;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code GET /api/backups} and the admin page show: every archive (local and off-site) with
 * its size, schema version and the test restore that verified it; the last failed run; the next
 * run of each backup job; the age of the newest verified archive.
 */
public record EstadoBackups(
        String carpeta,
        String offsite,
        String errorOffsite,
        List<Archivo> archivos,
        Fallo ultimoFallo,
        List<Programa> programa,
        OffsetDateTime verificadoMasReciente,
        Long antiguedadVerificadoSegundos) {

    /**
     * One archive. {@code donde}: {@code local} or {@code s3}. The schema version is the one its
     * test restore recorded (null while no test restore verified it).
     */
    public record Archivo(
            String donde,
            String nombre,
            String direccion,
            long bytes,
            OffsetDateTime creado,
            String versionEsquema,
            OffsetDateTime verificadoEn,
            Long verificacionId,
            String verificadoPor) {}

    /** The newest failed run of a backup job. */
    public record Fallo(String job, OffsetDateTime cuando, String detalle) {}

    /** A backup job and its next run (null when not scheduled in-app: disabled, or the systemd timer runs it). */
    public record Programa(String job, String descripcion, String cron, OffsetDateTime proxima, String modo) {}
}
