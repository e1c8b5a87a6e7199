package org.inventarioti.backups;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.inventarioti.config.ConfiguredDatabase;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.archive.Sizes;
import org.inventarioti.ops.avisos.AvisoOps;
import org.inventarioti.ops.backup.BackupProperties;
import org.inventarioti.ops.backup.Retention;
import org.inventarioti.ops.backup.VerifiedArchives;
import org.inventarioti.ops.offsite.Offsite;
import org.inventarioti.ops.offsite.OffsiteStore;
import org.inventarioti.ops.offsite.RemoteArchive;
import org.inventarioti.ops.offsite.StreamingUpload;
import org.inventarioti.ops.restore.ScratchDatabase;
import org.inventarioti.ops.restore.VerificationService;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Backups that run themselves: the nightly backup (then retention) and the weekly test restore of
 * the newest archive, run by the {@code backup-nocturno} and {@code backup-verificacion} jobs — or,
 * in timer mode, by {@code inventario jobs run} from {@code deploy/inventario-backup.timer}. A
 * failed backup and every restore test's result are told to the administrators and the webhooks
 * ({@link AvisoOps}: once per day for a failure, once per archive for a test).
 */
@Service
public class AutoBackupService {

    /** An upload not completed within a day was killed: the nightly run aborts it. */
    static final java.time.Duration STALE_UPLOAD = java.time.Duration.ofDays(1);

    private final BackupProperties properties;
    private final BackupService backups;
    private final VerificationService verifications;
    private final VerifiedArchives verified;
    private final ConfiguredDatabase configured;
    private final ApplicationEventPublisher eventos;
    private final Offsite offsite;

    AutoBackupService(
            BackupProperties properties,
            BackupService backups,
            VerificationService verifications,
            VerifiedArchives verified,
            ConfiguredDatabase configured,
            ApplicationEventPublisher eventos,
            Offsite offsite) {
        this.properties = properties;
        this.backups = backups;
        this.verifications = verifications;
        this.verified = verified;
        this.configured = configured;
        this.eventos = eventos;
        this.offsite = offsite;
    }

    public BackupProperties properties() {
        return properties;
    }

    public Path dir() {
        return (properties.dir() != null ? properties.dir() : configured.backupDir())
                .toAbsolutePath()
                .normalize();
    }

    /** The nightly run: a backup into {@link #dir()}, then the retention. */
    public String nightly() throws Exception {
        checkTrigger();
        Path dir = dir();
        BackupResult result;
        // an encrypted archive goes up in parts while it is written (a plain one is refused afterwards)
        CompletableFuture<OffsiteStore> connecting =
                offsite.configured() ? CompletableFuture.supplyAsync(offsite::open) : null;
        StreamingUpload[] streaming = new StreamingUpload[1];
        try {
            result = backups.backup(
                    configured.database(),
                    configured.embedded(),
                    dir,
                    BackupProgress.NONE,
                    name -> connecting == null || !name.endsWith(BackupService.ENCRYPTED_SUFFIX)
                            ? null
                            : (streaming[0] = offsite.startUpload(connecting, name)));
        } catch (Exception e) {
            if (streaming[0] != null) {
                streaming[0].abort(e);
            }
            if (connecting != null) {
                connecting.thenAccept(OffsiteStore::close);
            }
            avisar(
                    AvisoOps.BACKUP_FALLIDO,
                    java.util.Map.of("carpeta", dir.toString(), "error", texto(e)),
                    "backup-fallido:" + dir + ":" + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
            throw e;
        }
        List<Path> removed = Retention.prune(dir, properties.policy(), verified.all());
        String summary = result.archive().getFileName() + " (" + Sizes.human(result.bytes()) + ", "
                + result.manifest().totalRows() + " rows); retention " + properties.policy() + ": " + removed.size()
                + " removed";
        return connecting != null ? summary + "; " + offsiteCopy(result.archive(), connecting, streaming[0]) : summary;
    }

    /** The off-site copy of the night's archive, then the bucket's retention and the clean-up of killed uploads. */
    private String offsiteCopy(Path archive, CompletableFuture<OffsiteStore> connecting, StreamingUpload streaming)
            throws Exception {
        try (OffsiteStore store = connected(connecting, streaming)) {
            OffsiteStore.Uploaded uploaded = streaming != null ? streaming.finish(archive) : store.upload(archive);
            List<RemoteArchive> removed = Retention.prune(store, properties.policy(), verified.forBucket());
            List<String> aborted = store.abortIncomplete(STALE_UPLOAD);
            return "copied to " + uploaded.address() + " (SHA-256 " + uploaded.checkedBy()
                    + "), bucket retention: " + removed.size() + " removed"
                    + (aborted.isEmpty() ? "" : ", " + aborted.size() + " unfinished upload(s) aborted");
        } catch (Exception e) {
            avisar(
                    AvisoOps.BACKUP_FALLIDO,
                    java.util.Map.of(
                            "carpeta",
                            offsite.properties().describe(),
                            "archivo",
                            archive.toString(),
                            "error",
                            texto(e)),
                    "backup-offsite-fallido:" + offsite.properties().bucket() + ":"
                            + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
            throw e;
        }
    }

    private static OffsiteStore connected(CompletableFuture<OffsiteStore> connecting, StreamingUpload streaming) {
        try {
            return connecting.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (streaming != null) {
                streaming.abort(e);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The weekly run: the newest archive of {@link #dir()} restored into a scratch database and recorded. */
    public String restoreTest() throws Exception {
        checkTrigger();
        Path newest = newest(dir());
        String clave = "restore-prueba:" + newest;
        VerificationService.Verification verification;
        try {
            verification = verifications.verifyWithRestore(
                    newest, ScratchDatabase.Kind.AUTO, false, new PrintWriter(Writer.nullWriter()));
        } catch (Exception e) {
            avisar(
                    AvisoOps.RESTORE_PRUEBA,
                    java.util.Map.of("archivo", newest.toString(), "resultado", "fallida", "error", texto(e)),
                    clave);
            throw e;
        }
        avisar(
                AvisoOps.RESTORE_PRUEBA,
                java.util.Map.of(
                        "archivo",
                        newest.toString(),
                        "resultado",
                        "correcta",
                        "filas",
                        verification.restore().rows()),
                clave);
        return newest.getFileName() + " verified by a test restore ("
                + verification.restore().rows() + " rows, " + verification.scratch() + ")";
    }

    private void avisar(String evento, java.util.Map<String, ?> datos, String clave) {
        eventos.publishEvent(new AvisoOps(evento, datos, clave));
    }

    /** An error's message for a notice, with anything secret-shaped taken out. */
    private static String texto(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return DetectorSecretos.retirar(message, "[retirado]");
    }

    static Path newest(Path dir) throws Exception {
        Path newest = null;
        java.time.Instant time = null;
        for (Path archive : Retention.archives(dir)) {
            java.time.Instant t = Retention.archiveTime(archive);
            if (time == null || t.isAfter(time)) {
                newest = archive;
                time = t;
            }
        }
        if (newest == null) {
            throw new ArchiveException("no archive in " + dir + " to test");
        }
        return newest;
    }

    /** The timer and the in-app job never both run: a run started by the timer refuses when the job is on. */
    private void checkTrigger() {
        if (BackupProperties.MODE_TIMER.equals(properties.trigger()) && properties.jobsActive()) {
            throw new IllegalStateException("started by inventario-backup.timer, but the in-app backup jobs are"
                    + " enabled (INVENTARIO_BACKUP_ENABLED=true): disable one of the two");
        }
    }
}
