package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.inventarioti.importacion.LegadoQuirks.Estado;
import org.inventarioti.ops.ExternalServer;
import org.inventarioti.support.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's first step with the original's own dump and the packaged jar: ops/staging_restore.sh
 * recognises it, previews and imports it into staging, starts a server there and smoke-tests it
 * signing in with an imported account's old password.
 */
class LegacyStagingIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void servers() {
        LegacyMariaDb.requireServer();
        assumeTrue(ExternalServer.available(), "needs the machine's PostgreSQL at 127.0.0.1:5432");
    }

    @Test
    void stagingRestoreImportsALegacyDumpAndSmokeTestsItWithAnOldPassword() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                ExternalServer.Scratch staging = ExternalServer.create()) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            Path dump = legacy.dump(dir);
            Path gz = dir.resolve("produccion.sql.gz");
            LegacyMariaDb.gzip(dump, gz);
            Processes.Result result = Processes.run(
                    List.of(
                            "ops/staging_restore.sh",
                            gz.toString(),
                            staging.jdbcUrl(),
                            "--admin",
                            LegadoQuirks.ADMIN,
                            "--port",
                            Integer.toString(port)),
                    Map.of(
                            "DB_USER", ExternalServer.USER,
                            "SMOKE_USER", LegadoQuirks.ADMIN,
                            "SMOKE_PASSWORD", LegadoQuirks.ADMIN_PASSWORD),
                    Duration.ofMinutes(4));
            String output = result.output();
            assertThat(result.exit()).as(output).isZero();
            assertThat(output)
                    .contains("preview the import of " + gz)
                    .contains("Import preview (dry run: nothing was written)")
                    .contains("Import report, run")
                    .contains("result: OK, 0 unaccounted rows")
                    .containsPattern("OK +login")
                    .contains("smoke: OK")
                    .doesNotContain(LegadoQuirks.ADMIN_PASSWORD);
            for (String secret : LegadoQuirks.SECRETOS) {
                assertThat(output).doesNotContain(secret);
            }
            try (Connection c = staging.connect()) {
                assertThat(Destinos.estado(c, "SELECT count(*) FROM activos")).isEqualTo("13");
                assertThat(Destinos.estado(c, "SELECT rol FROM usuarios WHERE email = 'admin@legacy.local'"))
                        .isEqualTo("ADMIN");
            }
        }
    }
}
