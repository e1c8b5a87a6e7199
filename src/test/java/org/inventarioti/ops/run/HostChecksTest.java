package org.inventarioti.ops.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The host checks preflight and every dry run make before anything stops. */
class HostChecksTest {

    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void aMissingServiceManagerOrUnitIsCaughtAndTheAlternativeIsNamed() throws Exception {
        var missing = new ServiceManager(dir.resolve("no-systemctl").toString(), "inventario");
        assertThatThrownBy(missing::checkInstalled)
                .hasMessageContaining("no service manager for unit inventario")
                .hasMessageContaining("--service-command")
                .hasMessageContaining("INVENTARIO_SYSTEMCTL");

        var noUnit = new ServiceManager(script("systemctl", "echo not-found").toString(), "inventario");
        assertThatThrownBy(noUnit::checkInstalled).hasMessageContaining("not-found");

        var installed = new ServiceManager(
                script("ok", "[[ \"$1 $2 $3 $4\" == 'show inventario --property=LoadState --value' ]] && echo loaded")
                        .toString(),
                "inventario");
        assertThat(installed.checkInstalled()).endsWith("unit inventario loaded");
    }

    @Test
    void readinessStopsWaitingOnceTheServiceHasExited() throws Exception {
        var failed = new ServiceManager(script("failed", "echo failed; exit 3").toString(), "inventario");
        var running = new ServiceManager(script("running", "echo active").toString(), "inventario");
        assertThat(failed.exited()).isTrue();
        assertThat(running.exited()).isFalse();

        Probes probes = new Probes("http://127.0.0.1:9", null);
        long start = System.nanoTime();
        assertThatThrownBy(() -> probes.awaitReady("1.0", Duration.ofSeconds(60), failed::exited))
                .hasMessageContaining("version 1.0 exited")
                .hasMessageContaining("before it was ready");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void theEnvironmentFileMustBeMode600() throws Exception {
        Path env = dir.resolve("inventario.env");
        assertThat(HostChecks.environmentFile(env)).contains("no environment file");
        Files.writeString(env, "JWT_SECRET=x\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> HostChecks.environmentFile(env))
                .hasMessageContaining("readable beyond its owner")
                .hasMessageContaining("chmod 600 " + env);
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        assertThat(HostChecks.environmentFile(env)).endsWith("mode 600");
    }

    @Test
    void onlyTheDatabasesOwnerOrASuperuserMayRestore() throws Exception {
        TestDatabase server = TestDatabase.get();
        String role = "inventario_lector_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (var db = server.scratch();
                Connection admin = db.connect()) {
            assertThat(HostChecks.restoreRight(JdbcClient.create(
                            new DriverManagerDataSource(db.jdbcUrl(), server.user(), server.password()))))
                    .contains("can restore");
            admin.createStatement().execute("CREATE ROLE " + role + " LOGIN PASSWORD 'lector-pw'");
            try {
                JdbcClient notOwner = JdbcClient.create(new DriverManagerDataSource(
                        server.jdbcUrl(db.name()).replaceFirst("\\?.*$", ""), role, "lector-pw"));
                assertThatThrownBy(() -> HostChecks.restoreRight(notOwner))
                        .hasMessageContaining("role " + role + " neither owns the database")
                        .hasMessageContaining("ALTER DATABASE");
                admin.createStatement().execute("ALTER DATABASE " + db.name() + " OWNER TO " + role);
                assertThat(HostChecks.restoreRight(notOwner)).contains("owns the database");
                admin.createStatement().execute("ALTER DATABASE " + db.name() + " OWNER TO " + server.user());
            } finally {
                admin.createStatement().execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }
}
