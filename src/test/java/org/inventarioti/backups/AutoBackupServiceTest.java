package org.inventarioti.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.inventarioti.config.ConfiguredDatabase;
import org.inventarioti.jobs.EstadoJob;
import org.inventarioti.jobs.JobService;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.backup.BackupProperties;
import org.inventarioti.ops.backup.VerifiedArchives;
import org.inventarioti.ops.restore.VerificationService;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The nightly backup and weekly restore test as jobs; the timer and the job never both. */
@InventarioTest
class AutoBackupServiceTest {

    @Autowired
    BackupService backups;

    @Autowired
    VerificationService verifications;

    @Autowired
    VerifiedArchives verified;

    @Autowired
    ConfiguredDatabase configured;

    @Autowired
    JobService jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher eventos;

    @Autowired
    org.inventarioti.support.TestUsers users;

    @Autowired
    org.inventarioti.ops.offsite.Offsite offsite;

    @TempDir
    Path dir;

    private long avisos(String evento, String clave) {
        return jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE evento = ? AND clave LIKE ?")
                .params(evento, "%" + clave + "%")
                .query(Long.class)
                .single();
    }

    private AutoBackupService service(boolean enabled, String mode, String trigger) {
        return new AutoBackupService(
                new BackupProperties(
                        enabled,
                        mode,
                        "0 30 1 * * *",
                        "0 30 3 * * SUN",
                        dir,
                        new BackupProperties.Keep(7, 4, 12),
                        trigger),
                backups,
                verifications,
                verified,
                configured,
                eventos,
                offsite);
    }

    @Test
    void theNightlyBackupThenTheRestoreTestOfTheNewestArchiveIsRecorded() throws Exception {
        users.create(org.inventarioti.usuarios.Rol.ADMIN); // someone to tell
        AutoBackupService service = service(false, "job", "");
        String nightly = service.nightly();
        assertThat(nightly).contains("inventario-backup-", "retention 7 daily / 4 weekly / 12 monthly: 0 removed");
        Path archive;
        try (var files = Files.list(dir)) {
            archive = files.filter(BackupService::isArchiveName).findFirst().orElseThrow();
        }
        String tested = service.restoreTest();
        assertThat(tested).contains(archive.getFileName().toString(), "verified by a test restore");
        assertThat(jdbc.sql("SELECT count(*) FROM ops_backup_verificaciones WHERE archivo = ? AND conteos_coinciden")
                        .param(archive.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(verified.all()).contains(archive);
        // The test's result is told (administrators and webhooks), once per archive.
        assertThat(avisos("restore.prueba", "restore-prueba:" + archive)).isPositive();
    }

    @Test
    void aFailedNightlyBackupIsToldOnceADay() throws Exception {
        users.create(org.inventarioti.usuarios.Rol.ADMIN); // someone to tell
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        AutoBackupService service = new AutoBackupService(
                new BackupProperties(
                        false, "job", "0 30 1 * * *", "0 30 3 * * SUN", file, new BackupProperties.Keep(7, 4, 12), ""),
                backups,
                verifications,
                verified,
                configured,
                eventos,
                offsite);
        assertThatThrownBy(service::nightly).isInstanceOf(Exception.class);
        long avisos = avisos(
                "backup.fallido", "backup-fallido:" + file.toAbsolutePath().normalize());
        assertThat(avisos).isPositive();
        // A second failure the same day queues nothing more.
        assertThatThrownBy(service::nightly).isInstanceOf(Exception.class);
        assertThat(avisos(
                        "backup.fallido",
                        "backup-fallido:" + file.toAbsolutePath().normalize()))
                .isEqualTo(avisos);
    }

    @Test
    void aRestoreTestWithNoArchiveFails() {
        assertThatThrownBy(() -> service(false, "job", "").restoreTest())
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("no archive in " + dir);
    }

    @Test
    void theTimerRefusesToRunWhileTheInAppJobIsEnabled() {
        assertThatThrownBy(() -> service(true, "job", "timer").nightly())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in-app backup jobs are enabled");
        assertThatThrownBy(() -> service(true, "timer", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose one (never both)");
        assertThatThrownBy(() -> service(false, "cron", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be job or timer");
    }

    @Test
    void theJobsAreRegisteredButNotScheduledUnlessEnabled() {
        assertThat(jobs.estado())
                .filteredOn(j -> j.nombre().startsWith("backup-"))
                .extracting(EstadoJob::nombre)
                .containsExactlyInAnyOrder(BackupJobs.NIGHTLY, BackupJobs.RESTORE_TEST, BackupJobs.FRESHNESS);
        assertThat(jobs.estado())
                .filteredOn(j -> j.nombre().startsWith("backup-"))
                .allSatisfy(j -> assertThat(j.proxima()).isNull());
    }
}
