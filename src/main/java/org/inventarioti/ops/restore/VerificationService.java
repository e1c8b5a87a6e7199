package org.inventarioti.ops.restore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inventarioti.config.ConfiguredDatabase;
import org.inventarioti.ops.archive.ArchiveException;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.Manifest;
import org.inventarioti.ops.release.AppVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code inventario verify --restore-test} and {@code backup --verify}: the archive's checksums,
 * then a full restore into a scratch database with the counts compared. A success is recorded in
 * {@code ops_backup_verificaciones} of the configured database, where {@code migrate apply
 * --contract} looks for it.
 */
@Service
public class VerificationService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestoreService restores;
    private final ConfiguredDatabase configured;
    private final JdbcClient jdbc;

    VerificationService(RestoreService restores, ConfiguredDatabase configured, JdbcClient jdbc) {
        this.restores = restores;
        this.configured = configured;
        this.jdbc = jdbc;
    }

    public record Verification(Manifest manifest, String sha256, RestoreReport restore, String scratch) {}

    public Verification verifyWithRestore(
            Path archive, ScratchDatabase.Kind scratchKind, boolean allowVersionMismatch, PrintWriter log)
            throws Exception {
        return verifyWithRestore(
                archive, archive.toAbsolutePath().normalize().toString(), scratchKind, allowVersionMismatch, log);
    }

    /** {@code recordedAs}: the name the verification is recorded under (the path, or the {@code s3://} address). */
    public Verification verifyWithRestore(
            Path archive,
            String recordedAs,
            ScratchDatabase.Kind scratchKind,
            boolean allowVersionMismatch,
            PrintWriter log)
            throws Exception {
        Path file = archive.toAbsolutePath().normalize();
        Manifest manifest = ArchiveVerifier.verify(file, restores.keys());
        log.println("Checksums OK: " + manifest.members().size() + " members, " + manifest.totalRows() + " rows");
        String sha256 = ArchiveVerifier.fileSha256(file);
        RestoreReport report;
        String kind;
        try (ScratchDatabase scratch = ScratchDatabase.open(scratchKind, configured.database())) {
            kind = scratch.kind();
            log.println("Test restore into a scratch database (" + kind + ") ...");
            report = restores.restore(
                    file, scratch.database(), new RestoreOptions(false, allowVersionMismatch, file.getParent()), log);
        }
        if (!report.countsMatch()) {
            throw new ArchiveException("row counts differ after the test restore");
        }
        Verification verification = new Verification(manifest, sha256, report, kind);
        record(recordedAs, verification);
        return verification;
    }

    private void record(String archive, Verification verification) {
        Manifest manifest = verification.manifest();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("app_version", manifest.appVersion());
        detail.put("verified_by", AppVersion.get());
        detail.put(
                "source",
                manifest.source().host() + ":" + manifest.source().port() + "/"
                        + manifest.source().database());
        Map<String, Long> tables = new LinkedHashMap<>();
        verification.restore().tables().forEach(t -> tables.put(t.table(), t.restored()));
        detail.put("tables", tables);
        detail.put("rows", verification.restore().rows());
        detail.put("scratch", verification.scratch());
        detail.put("restore_seconds", verification.restore().seconds());
        jdbc.sql("""
                        INSERT INTO ops_backup_verificaciones
                            (archivo, sha256, backup_creado_en, schema_version, restore_test, conteos_coinciden, detalle)
                        VALUES (?, ?, ?, ?, true, ?, ?::jsonb)
                        """)
                .params(
                        archive,
                        verification.sha256(),
                        OffsetDateTime.ofInstant(Instant.parse(manifest.createdAt()), ZoneOffset.UTC),
                        manifest.schema().version(),
                        verification.restore().countsMatch(),
                        JSON.writeValueAsString(detail))
                .update();
    }
}
