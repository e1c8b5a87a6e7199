package org.inventarioti.backups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.inventarioti.config.ConfiguredDatabase;
import org.inventarioti.ops.archive.BackupKeys;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.ops.backup.BackupProperties;
import org.inventarioti.ops.backup.VerifiedArchives;
import org.inventarioti.ops.offsite.Offsite;
import org.inventarioti.ops.restore.VerificationService;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.S3Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.core.sync.RequestBody;

/** The nightly run with an off-site copy (S3Mock): uploaded, read back, the bucket pruned by the same retention. */
@InventarioTest
class OffsiteNightlyTest {

    static final S3Server S3 = S3Server.get();
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

    @Autowired
    VerificationService verifications;

    @Autowired
    VerifiedArchives verified;

    @Autowired
    ConfiguredDatabase configured;

    @Autowired
    ApplicationEventPublisher eventos;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.inventarioti.support.TestUsers users;

    @TempDir
    Path dir;

    private AutoBackupService service(Offsite offsite) {
        byte[] key = new byte[32];
        new Random(31).nextBytes(key);
        return new AutoBackupService(
                new BackupProperties(
                        false, "job", "0 30 1 * * *", "0 30 3 * * SUN", dir, new BackupProperties.Keep(7, 4, 12), ""),
                BackupService.standalone(BackupKeys.of(key)),
                verifications,
                verified,
                configured,
                eventos,
                offsite);
    }

    private static String name(LocalDateTime time) {
        return "inventario-backup-" + STAMP.format(time) + ".zip.enc";
    }

    @Test
    void theNightsArchiveGoesOffSiteAndAYearInTheBucketIsPrunedToTheExpectedSet() throws Exception {
        String bucket = S3.bucket();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> all = new TreeSet<>();
        String oldVerified = null;
        try (var s3 = S3.client()) {
            for (int days = 1; days <= 365; days++) {
                String name = name(today.minusDays(days).atTime(1, 30));
                s3.putObject(r -> r.bucket(bucket).key("site/" + name), RequestBody.fromBytes(new byte[] {1}));
                all.add(name);
                if (days == 200) {
                    oldVerified = name;
                }
            }
            // something else in the bucket stays untouched
            s3.putObject(r -> r.bucket(bucket).key("site/README.txt"), RequestBody.fromString("not an archive"));
        }
        jdbc.sql("""
                        INSERT INTO ops_backup_verificaciones
                            (archivo, sha256, backup_creado_en, schema_version, restore_test, conteos_coinciden)
                        VALUES (?, 'x', now(), '41', true, true)""").param("s3://" + bucket + "/site/" + oldVerified).update();

        String summary = service(S3.offsite(bucket, "site")).nightly();

        assertThat(summary)
                .containsPattern("copied to s3://" + bucket + "/site/inventario-backup-.*\\.zip\\.enc"
                        + " \\(SHA-256 read back\\), bucket retention: \\d+ removed");
        Set<String> left = new TreeSet<>();
        String tonight;
        try (var s3 = S3.client()) {
            s3.listObjectsV2Paginator(r -> r.bucket(bucket))
                    .contents()
                    .forEach(o -> left.add(o.key().substring("site/".length())));
        }
        tonight = left.stream()
                .filter(n -> !all.contains(n) && n.startsWith("inventario-backup-"))
                .findFirst()
                .orElseThrow();
        all.add(tonight);

        // expected, worked out here by day, ISO week and month: the newest of each of the last 7/4/12
        Set<String> expected = new TreeSet<>(Set.of("README.txt", oldVerified));
        Set<String> daysSeen = new HashSet<>();
        Set<String> weeksSeen = new HashSet<>();
        Set<String> monthsSeen = new HashSet<>();
        for (String name : ((TreeSet<String>) all).descendingSet()) {
            LocalDate date = LocalDate.parse(name.substring(18, 26), DateTimeFormatter.BASIC_ISO_DATE);
            if (daysSeen.size() < 7 && daysSeen.add(date.toString())) {
                expected.add(name);
            }
            String week = date.get(IsoFields.WEEK_BASED_YEAR) + "-" + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeksSeen.size() < 4 && weeksSeen.add(week)) {
                expected.add(name);
            }
            if (monthsSeen.size() < 12 && monthsSeen.add(date.getYear() + "-" + date.getMonthValue())) {
                expected.add(name);
            }
        }
        assertThat(left).isEqualTo(expected);
        assertThat(left).contains(tonight, oldVerified).hasSizeBetween(12 + 2, 7 + 4 + 12 + 2);
    }

    @Test
    void aFailedOffSiteCopyFailsTheRunAndIsTold() throws Exception {
        users.create(org.inventarioti.usuarios.Rol.ADMIN); // someone to tell
        AutoBackupService service = service(S3.offsite("no-such-bucket-" + System.nanoTime(), ""));
        assertThatThrownBy(service::nightly).isInstanceOf(Exception.class);
        assertThat(jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE evento = 'backup.fallido' AND clave LIKE ?")
                        .param("%backup-offsite-fallido:no-such-bucket-%")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
