package org.inventarioti.ops.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

class PreflightServiceTest {

    private static final String SECRET = "k7Qz!p2Lw9Rt#x4Vb8Nm3Jc6Hy1Fd5Gs0Ae";
    private static final String DB_PASSWORD = "db-Pa55word-never-printed";

    @TempDir
    Path dir;

    private PreflightService service(MockEnvironment environment, String jdbcUrl) {
        TestDatabase db = TestDatabase.get();
        var dataSource = new DriverManagerDataSource(jdbcUrl, db.user(), DB_PASSWORD);
        return new PreflightService(
                environment,
                dataSource,
                new DefaultListableBeanFactory().getBeanProvider(SslBundles.class),
                Clock.systemUTC());
    }

    private MockEnvironment environment(String secret) {
        return new MockEnvironment()
                .withProperty("inventario.jwt.secret", secret)
                .withProperty("spring.datasource.url", TestDatabase.get().jdbcUrl())
                .withProperty("spring.datasource.username", "inventario")
                .withProperty("spring.datasource.password", DB_PASSWORD);
    }

    private Path releaseJar() throws Exception {
        Path jar = dir.resolve("inventario.jar");
        try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("BOOT-INF/classes/META-INF/build-info.properties"));
            zip.write("build.version=9.9.9\n".getBytes());
            zip.closeEntry();
        }
        return jar;
    }

    private static String text(List<PreflightCheck> checks) {
        return String.join("\n", checks.stream().map(PreflightCheck::line).toList());
    }

    @Test
    void aReadyHostPassesEveryCheck() throws Exception {
        Path certificate = Tls.certificado(dir, 90);
        MockEnvironment environment = environment(SECRET)
                .withProperty("inventario.tls.certificado", certificate.toString())
                .withProperty("SENTRY_DSN", "https://0123abcd@o1.ingest.sentry.io/4242");
        List<PreflightCheck> checks =
                service(environment, TestDatabase.get().jdbcUrl()).check(Optional.of(releaseJar()), dir);
        assertThat(checks).as(text(checks)).allMatch(PreflightCheck::ok);
        assertThat(checks)
                .extracting(PreflightCheck::name)
                .containsExactly("secrets", "database", "tls", "sentry", "disk", "release");
        assertThat(text(checks)).contains("valid until").doesNotContain(SECRET, DB_PASSWORD, "0123abcd");
    }

    @Test
    void everyProblemIsListedWithoutPrintingASecret() throws Exception {
        Path certificate = Tls.certificado(dir, 10);
        MockEnvironment environment = environment("short-" + DB_PASSWORD.substring(0, 5))
                .withProperty("inventario.tls.certificado", certificate.toString())
                .withProperty("sentry.dsn", "sentry-dsn-with-secret-key-xyz");
        environment.setProperty("spring.datasource.password", "");
        List<PreflightCheck> checks = service(environment, "jdbc:postgresql://127.0.0.1:1/nowhere")
                .check(Optional.of(dir.resolve("missing.jar")), dir);
        String report = text(checks);
        assertThat(checks).as(report).noneMatch(PreflightCheck::ok);
        assertThat(report)
                .contains("JWT_SECRET is shorter than 32 bytes", "DB_PASS is not set")
                .contains("cannot connect with the configured credentials")
                .contains("CN=localhost expires", "less than 30 days")
                .contains("SENTRY_DSN is not of the form")
                .contains("cannot estimate the backup size")
                .contains("missing.jar does not exist")
                .doesNotContain("short-db-Pa", "sentry-dsn-with-secret-key-xyz", DB_PASSWORD);
    }

    @Test
    void theBackupKeyIsCheckedWhenEncryptionIsConfiguredAndNeverPrinted() throws Exception {
        String good = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String weak = java.util.Base64.getEncoder().encodeToString("sixteen-bytes-ky".getBytes());
        PreflightCheck bad = backupKeyCheck(environment(SECRET).withProperty("INVENTARIO_BACKUP_KEY", weak));
        assertThat(bad.ok()).isFalse();
        assertThat(bad.detail())
                .contains("INVENTARIO_BACKUP_KEY must decode to 32 bytes, it decodes to 16")
                .doesNotContain(weak);
        PreflightCheck missing = backupKeyCheck(environment(SECRET).withProperty("INVENTARIO_BACKUP_ENCRYPT", "true"));
        assertThat(missing.ok()).isFalse();
        assertThat(missing.detail()).contains("INVENTARIO_BACKUP_KEY is not set");
        PreflightCheck ok = backupKeyCheck(environment(SECRET)
                .withProperty("INVENTARIO_BACKUP_KEY", good)
                .withProperty("INVENTARIO_BACKUP_KEYS_OLD", good));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.detail())
                .contains("encrypted (AES-256-GCM) with key id ", "1 old key(s)")
                .doesNotContain(good);
        List<PreflightCheck> none =
                service(environment(SECRET), TestDatabase.get().jdbcUrl()).check(Optional.of(releaseJar()), dir);
        assertThat(none).extracting(PreflightCheck::name).doesNotContain("backup-key");
    }

    private PreflightCheck backupKeyCheck(MockEnvironment environment) throws Exception {
        return service(environment, TestDatabase.get().jdbcUrl()).check(Optional.of(releaseJar()), dir).stream()
                .filter(c -> c.name().equals("backup-key"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void tlsAndSentryAreCheckedOnlyWhenConfigured() throws Exception {
        List<PreflightCheck> checks = service(
                        environment(SECRET), TestDatabase.get().jdbcUrl())
                .check(Optional.of(releaseJar()), dir.resolve("not/yet/created"));
        assertThat(checks).extracting(PreflightCheck::name).containsExactly("secrets", "database", "disk", "release");
        assertThat(checks).as(text(checks)).allMatch(PreflightCheck::ok);
    }

    @Test
    void dsnShapes() {
        assertThat(PreflightService.validDsn("https://abc@o1.ingest.sentry.io/42"))
                .isTrue();
        assertThat(PreflightService.validDsn("https://abc@sentry.example.org/path/42"))
                .isTrue();
        assertThat(PreflightService.validDsn("https://sentry.example.org/42")).isFalse();
        assertThat(PreflightService.validDsn("https://abc@sentry.example.org/")).isFalse();
        assertThat(PreflightService.validDsn("ftp://abc@sentry.example.org/42")).isFalse();
        assertThat(PreflightService.validDsn("not a url")).isFalse();
    }
}
