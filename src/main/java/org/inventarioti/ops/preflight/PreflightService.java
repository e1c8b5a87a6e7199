package org.inventarioti.ops.preflight;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.inventarioti.config.ProductionSafetyCheck;
import org.inventarioti.ops.archive.BackupKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * {@code inventario preflight}: is this host ready to run (or upgrade) the service? Lists every
 * problem; never prints a secret (only the names of the variables at fault).
 */
@Service
public class PreflightService {

    static final int DISK_FACTOR = 3;

    private final Environment environment;
    private final DataSource dataSource;
    private final ObjectProvider<SslBundles> sslBundles;
    private final Clock clock;

    PreflightService(
            Environment environment, DataSource dataSource, ObjectProvider<SslBundles> sslBundles, Clock clock) {
        this.environment = environment;
        this.dataSource = dataSource;
        this.sslBundles = sslBundles;
        this.clock = clock;
    }

    /** Runs every check; {@code release} is the jar to be deployed (empty: the running one). */
    public List<PreflightCheck> check(Optional<Path> release, Path backupDir) {
        List<PreflightCheck> checks = new ArrayList<>();
        List<String> secrets = ProductionSafetyCheck.problems(environment);
        checks.add(
                secrets.isEmpty()
                        ? PreflightCheck.ok("secrets", "JWT_SECRET strong, database credentials set")
                        : PreflightCheck.fail("secrets", String.join("; ", secrets)));
        long databaseBytes = -1;
        try (var connection = dataSource.getConnection();
                var rs = connection
                        .createStatement()
                        .executeQuery("SELECT current_database(), current_setting('server_version'),"
                                + " (SELECT coalesce(sum(pg_table_size(c.oid)), 0) FROM pg_class c"
                                + "  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r')")) {
            rs.next();
            databaseBytes = rs.getLong(3);
            checks.add(PreflightCheck.ok(
                    "database", "connected to " + rs.getString(1) + " (PostgreSQL " + rs.getString(2) + ")"));
        } catch (Exception e) {
            checks.add(PreflightCheck.fail(
                    "database", "cannot connect with the configured credentials: " + withoutSecrets(e.getMessage())));
        }
        tls().ifPresent(checks::add);
        sentry().ifPresent(checks::add);
        backupKey().ifPresent(checks::add);
        MailCheck.check(environment).ifPresent(checks::add);
        OffsiteCheck.check(environment).ifPresent(checks::add);
        checks.add(disk(backupDir, databaseBytes));
        checks.add(release(release));
        return checks;
    }

    private Optional<PreflightCheck> tls() {
        String bundle = environment.getProperty("server.ssl.bundle");
        String nginxCertificate = environment.getProperty("inventario.tls.certificado");
        if (!StringUtils.hasText(bundle) && !StringUtils.hasText(nginxCertificate)) {
            return Optional.empty();
        }
        try {
            List<X509Certificate> chain =
                    StringUtils.hasText(bundle) ? bundle(bundle) : Certificates.pem(Path.of(nginxCertificate));
            String problem = Certificates.problem(chain, clock.instant());
            String source = StringUtils.hasText(bundle) ? "SSL bundle " + bundle : "certificate " + nginxCertificate;
            return Optional.of(
                    problem == null
                            ? PreflightCheck.ok(
                                    "tls",
                                    source + " valid until " + Certificates.expiry(chain) + " (" + chain.size()
                                            + " certificate(s) in the chain)")
                            : PreflightCheck.fail("tls", source + ": " + problem));
        } catch (Exception e) {
            return Optional.of(
                    PreflightCheck.fail("tls", "certificate not readable: " + withoutSecrets(e.getMessage())));
        }
    }

    private List<X509Certificate> bundle(String name) throws Exception {
        SslBundles bundles = sslBundles.getIfAvailable();
        if (bundles != null) {
            return Certificates.keyStore(bundles.getBundle(name).getStores().getKeyStore());
        }
        String pem = environment.getProperty("spring.ssl.bundle.pem." + name + ".keystore.certificate");
        if (StringUtils.hasText(pem)) {
            return Certificates.pem(Path.of(pem.replaceFirst("^file:", "")));
        }
        throw new IllegalStateException("SSL bundle " + name + " has no PEM keystore certificate configured");
    }

    /**
     * A preflight that needs no application context, for an external database: it must be able to
     * report a weak secret that would stop the application from starting at all.
     */
    public static PreflightService standalone(ConfigurableEnvironment environment) {
        var dataSource = new DriverManagerDataSource(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        return new PreflightService(
                environment,
                dataSource,
                new StaticListableBeanFactory().getBeanProvider(SslBundles.class),
                Clock.systemUTC());
    }

    /** The archive key when encryption is configured: present, base64 of 32 bytes; shown by its id only. */
    private Optional<PreflightCheck> backupKey() {
        java.util.Map<String, String> variables = new java.util.HashMap<>();
        for (String name : List.of(BackupKeys.CURRENT, BackupKeys.OLD, BackupKeys.ENCRYPT)) {
            String value = environment.getProperty(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        BackupKeys keys = BackupKeys.fromEnvironment(variables);
        if (!keys.encryptionConfigured()
                && keys.problems().isEmpty()
                && keys.old().isEmpty()) {
            return Optional.empty();
        }
        if (!keys.problems().isEmpty()) {
            return Optional.of(PreflightCheck.fail("backup-key", String.join("; ", keys.problems())));
        }
        return Optional.of(PreflightCheck.ok(
                "backup-key",
                keys.current()
                                .map(k -> "archives encrypted (AES-256-GCM) with key id " + k.id())
                                .orElse("no " + BackupKeys.CURRENT + ": new archives are not encrypted")
                        + ", " + keys.old().size() + " old key(s) for reading"));
    }

    private Optional<PreflightCheck> sentry() {
        String dsn = environment.getProperty("sentry.dsn", environment.getProperty("SENTRY_DSN", ""));
        if (!StringUtils.hasText(dsn)) {
            return Optional.empty();
        }
        return Optional.of(
                validDsn(dsn)
                        ? PreflightCheck.ok("sentry", "SENTRY_DSN is well formed")
                        : PreflightCheck.fail(
                                "sentry", "SENTRY_DSN is not of the form https://<key>@<host>/<project-id>"));
    }

    static boolean validDsn(String dsn) {
        try {
            URI uri = new URI(dsn.trim());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && StringUtils.hasText(uri.getRawUserInfo())
                    && StringUtils.hasText(uri.getHost())
                    && uri.getPath() != null
                    && uri.getPath().matches("(/[^/]+)*/\\d+");
        } catch (Exception e) {
            return false;
        }
    }

    private PreflightCheck disk(Path directory, long databaseBytes) {
        try {
            Path existing = directory.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long free = Files.getFileStore(existing).getUsableSpace();
            if (databaseBytes < 0) {
                return PreflightCheck.fail("disk", "cannot estimate the backup size without the database");
            }
            long needed = DISK_FACTOR * databaseBytes;
            String detail = mb(free) + " free in " + existing + ", " + DISK_FACTOR + " x the expected backup ("
                    + mb(databaseBytes) + ") = " + mb(needed);
            return free >= needed ? PreflightCheck.ok("disk", detail) : PreflightCheck.fail("disk", detail);
        } catch (IOException e) {
            return PreflightCheck.fail("disk", "cannot read free space of " + directory + ": " + e.getMessage());
        }
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }

    private PreflightCheck release(Optional<Path> release) {
        Path jar = release.orElseGet(PreflightService::runningJar);
        if (jar == null) {
            return PreflightCheck.fail("release", "not running from a release jar and no --release given");
        }
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            return PreflightCheck.fail("release", jar + " does not exist or is not readable");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry("META-INF/build-info.properties") == null
                    && zip.getEntry("BOOT-INF/classes/META-INF/build-info.properties") == null) {
                return PreflightCheck.fail("release", jar + " is not an Inventario-TI release jar");
            }
            return PreflightCheck.ok("release", jar + " present");
        } catch (IOException e) {
            return PreflightCheck.fail("release", jar + " is not a readable jar: " + e.getMessage());
        }
    }

    /** The release jar this process was started from ({@code java -jar}), or null when running from classes. */
    public static Path runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jar = Path.of(classPath).toAbsolutePath();
            return Files.isRegularFile(jar) ? jar : null;
        }
        return null;
    }

    /** Driver messages can echo a user name or URL; keep them, but never a password value. */
    private String withoutSecrets(String message) {
        String result = message == null ? "" : message;
        for (String key : List.of("spring.datasource.password", "inventario.jwt.secret")) {
            String secret = environment.getProperty(key);
            if (StringUtils.hasText(secret)) {
                result = result.replace(secret, "<hidden>");
            }
        }
        return result;
    }
}
