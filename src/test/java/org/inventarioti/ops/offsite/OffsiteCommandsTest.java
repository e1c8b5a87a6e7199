package org.inventarioti.ops.offsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inventarioti.InventarioApplication;
import org.inventarioti.InventarioCli;
import org.inventarioti.cli.CliContext;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.archive.ArchiveVerifier;
import org.inventarioti.ops.archive.BackupProgress;
import org.inventarioti.ops.archive.BackupResult;
import org.inventarioti.ops.archive.BackupService;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.S3Server;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code inventario restore s3://…} and {@code verify [--restore-test] s3://…} as an operator types
 * them, against S3Mock, the credentials from the SDK's chain (its system properties here). The test
 * JVM has no archive key, so the archive in the bucket is a plain one put there by the test.
 */
@InventarioTest
class OffsiteCommandsTest {

    static final S3Server S3 = S3Server.get();

    @TempDir
    Path dir;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "cli-access");
        System.setProperty("aws.secretAccessKey", "cli-secret");
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    record Run(int exit, String out, String err) {}

    /** {@code args} starting with {@code --inventario.} are settings, the rest the command line. */
    private static Run run(TestDatabase.Scratch database, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TestDatabase db = TestDatabase.get();
        List<String> spring = new ArrayList<>(List.of(
                "--spring.datasource.url=" + (database == null ? db.jdbcUrl() : database.jdbcUrl()),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--inventario.data-dir=target/test-data",
                "--inventario.backup.s3.endpoint=" + S3.endpoint(),
                "--inventario.backup.s3.path-style=true"));
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--inventario.") ? spring : command).add(arg);
        }
        try (CliContext context = new CliContext(
                () -> new SpringApplicationBuilder(InventarioApplication.class), spring.toArray(String[]::new))) {
            var commandLine = InventarioCli.commandLine(context);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exit = commandLine.execute(command.toArray(String[]::new));
            return new Run(exit, out.toString(), err.toString());
        }
    }

    @Test
    void backupOffsiteNeedsABucketAndSendsNoPlainArchive() throws Exception {
        Run noBucket = run(null, "backup", "--output", dir.toString(), "--offsite");
        assertThat(noBucket.exit()).isEqualTo(2);
        assertThat(noBucket.err()).contains("--offsite needs INVENTARIO_BACKUP_S3_BUCKET");
        String bucket = S3.bucket();
        // this JVM has no INVENTARIO_BACKUP_KEY: the archive is plain, and stays here
        Run plain =
                run(null, "--inventario.backup.s3.bucket=" + bucket, "backup", "--output", dir.toString(), "--offsite");
        assertThat(plain.exit()).as(plain.out() + plain.err()).isEqualTo(1);
        assertThat(plain.err()).contains("off-site copy refused", "is not encrypted");
        try (var s3 = S3.client()) {
            assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
        }
    }

    @Test
    void restoreAndVerifyTakeAnS3Address() throws Exception {
        String bucket = S3.bucket();
        try (var source = OpsFixtures.migrated(null);
                var target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 25);
            BackupResult backup = BackupService.standalone(org.inventarioti.ops.archive.BackupKeys.none())
                    .backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE);
            Path archive = backup.archive();
            S3Address address;
            try (OffsiteStore store = S3.offsite(bucket, "cli").open();
                    InputStream in = Files.newInputStream(archive)) {
                address = store.upload(
                                in,
                                Files.size(archive),
                                ArchiveVerifier.fileSha256(archive),
                                archive.getFileName().toString())
                        .address();
            }

            Run verify = run(null, "verify", address.toString());
            assertThat(verify.exit()).as(verify.err()).isZero();
            assertThat(verify.out())
                    .contains("Downloading " + address)
                    .contains("OK: " + address)
                    .contains(backup.manifest().totalRows() + " rows");

            Run restore = run(
                    null,
                    "restore",
                    address.toString(),
                    "--target",
                    target.jdbcUrl(),
                    "--target-user",
                    TestDatabase.get().user());
            assertThat(restore.exit()).as(restore.err() + restore.out()).isZero();
            assertThat(OpsFixtures.contentHashes(to)).isEqualTo(OpsFixtures.contentHashes(from));

            Run tested = run(source, "verify", "--restore-test", "--scratch", "server", address.toString());
            assertThat(tested.exit()).as(tested.err() + tested.out()).isZero();
            assertThat(OpsFixtures.scalar(
                            from,
                            "SELECT count(*) FROM ops_backup_verificaciones WHERE restore_test AND archivo = '"
                                    + address + "'"))
                    .isEqualTo(1);

            Run missing = run(null, "verify", "s3://" + bucket + "/cli/inventario-backup-none.zip.enc");
            assertThat(missing.exit()).isEqualTo(1);
            assertThat(missing.err()).contains("FAILED", "no archive s3://" + bucket);
            Run bad = run(
                    null,
                    "restore",
                    "s3://" + bucket,
                    "--target",
                    target.jdbcUrl(),
                    "--target-user",
                    TestDatabase.get().user());
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.err()).contains("restore refused", "s3://bucket/key");
        }
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("inventario-s3-"));
        }
    }
}
