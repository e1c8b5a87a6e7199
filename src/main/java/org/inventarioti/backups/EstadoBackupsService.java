package org.inventarioti.backups;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.inventarioti.jobs.Ejecucion;
import org.inventarioti.jobs.JobService;
import org.inventarioti.ops.backup.BackupProperties;
import org.inventarioti.ops.backup.Retention;
import org.inventarioti.ops.backup.VerifiedArchives;
import org.inventarioti.ops.offsite.Offsite;
import org.inventarioti.ops.offsite.OffsiteStore;
import org.inventarioti.ops.offsite.RemoteArchive;
import org.inventarioti.secretos.DetectorSecretos;
import org.springframework.stereotype.Service;

/** The backups' state for administrators: archives here and off-site, verifications, failures, next runs. */
@Service
public class EstadoBackupsService {

    static final List<String> JOBS = List.of(BackupJobs.NIGHTLY, BackupJobs.RESTORE_TEST, BackupJobs.FRESHNESS);

    private final AutoBackupService backups;
    private final Offsite offsite;
    private final VerifiedArchives verified;
    private final JobService jobs;
    private final Clock clock;

    EstadoBackupsService(
            AutoBackupService backups, Offsite offsite, VerifiedArchives verified, JobService jobs, Clock clock) {
        this.backups = backups;
        this.offsite = offsite;
        this.verified = verified;
        this.jobs = jobs;
        this.clock = clock;
    }

    public EstadoBackups estado() throws IOException {
        List<VerifiedArchives.Verification> passed = verified.passed();
        List<EstadoBackups.Archivo> archivos = new ArrayList<>();
        Path dir = backups.dir();
        for (Path archive : Retention.archives(dir)) {
            String path = archive.toAbsolutePath().normalize().toString();
            Optional<VerifiedArchives.Verification> v =
                    passed.stream().filter(p -> p.archive().equals(path)).findFirst();
            archivos.add(archivo(
                    "local",
                    archive.getFileName().toString(),
                    path,
                    Files.size(archive),
                    Retention.archiveTime(archive),
                    v));
        }
        String errorOffsite = null;
        if (offsite.configured()) {
            try (OffsiteStore store = offsite.open()) {
                for (RemoteArchive remote : store.archives()) {
                    String address = remote.address().toString();
                    Optional<VerifiedArchives.Verification> v = passed.stream()
                            .filter(p -> p.archive().equals(address))
                            .findFirst()
                            .or(() -> passed.stream()
                                    .filter(p -> p.name().equals(remote.name()))
                                    .findFirst());
                    archivos.add(archivo("s3", remote.name(), address, remote.size(), remote.time(), v));
                }
            } catch (RuntimeException e) {
                errorOffsite = DetectorSecretos.retirar(String.valueOf(e.getMessage()), "[retirado]");
            }
        }
        archivos.sort(Comparator.comparing(EstadoBackups.Archivo::creado)
                .reversed()
                .thenComparing(EstadoBackups.Archivo::donde));
        Optional<Instant> newest = verified.newestVerifiedCreatedAt();
        return new EstadoBackups(
                dir.toString(),
                offsite.configured() ? offsite.properties().describe() : null,
                errorOffsite,
                archivos,
                ultimoFallo(),
                programa(),
                newest.map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null),
                newest.map(t -> Duration.between(t, clock.instant()).toSeconds())
                        .orElse(null));
    }

    private static EstadoBackups.Archivo archivo(
            String donde,
            String nombre,
            String direccion,
            long bytes,
            Instant creado,
            Optional<VerifiedArchives.Verification> v) {
        return new EstadoBackups.Archivo(
                donde,
                nombre,
                direccion,
                bytes,
                creado.atOffset(ZoneOffset.UTC),
                v.map(VerifiedArchives.Verification::schemaVersion).orElse(null),
                v.map(VerifiedArchives.Verification::verifiedAt).orElse(null),
                v.map(VerifiedArchives.Verification::id).orElse(null),
                v.map(x -> "restore test #" + x.id() + " (" + x.scratch() + ", " + x.rows() + " rows) of "
                                + x.archive())
                        .orElse(null));
    }

    private EstadoBackups.Fallo ultimoFallo() {
        EstadoBackups.Fallo newest = null;
        for (String job : JOBS) {
            for (Ejecucion run : jobs.ejecuciones(job, 50)) {
                if (Ejecucion.ERROR.equals(run.resultado())) {
                    OffsetDateTime when = run.fin() != null ? run.fin() : run.inicio();
                    if (newest == null || when.isAfter(newest.cuando())) {
                        newest = new EstadoBackups.Fallo(
                                job, when, DetectorSecretos.retirar(String.valueOf(run.detalle()), "[retirado]"));
                    }
                    break;
                }
            }
        }
        return newest;
    }

    private List<EstadoBackups.Programa> programa() {
        BackupProperties p = backups.properties();
        String modo = p.jobsActive() ? "job" : BackupProperties.MODE_TIMER.equals(p.mode()) ? "timer" : "disabled";
        return jobs.estado().stream()
                .filter(j -> JOBS.contains(j.nombre()))
                .map(j -> new EstadoBackups.Programa(j.nombre(), j.descripcion(), j.cron(), j.proxima(), modo))
                .toList();
    }
}
