package org.inventarioti.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inventarioti.ops.OpsFixtures.execute;
import static org.inventarioti.ops.OpsFixtures.scalar;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.ops.restore.RestoreOptions;
import org.inventarioti.ops.restore.RestoreService;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A backup taken while a writer keeps inserting and updating is one point in time. */
@InventarioTest
class ConsistencyTest {

    @Autowired
    BackupService backups;

    @Autowired
    RestoreService restores;

    @TempDir
    Path dir;

    @Test
    void aBackupUnderConcurrentWritesIsASinglePointInTime() throws Exception {
        try (var source = OpsFixtures.migrated(null);
                var target = TestDatabase.get().scratch();
                var from = source.connect();
                var to = target.connect()) {
            OpsFixtures.sampleData(from, 3000);
            execute(from, "INSERT INTO categorias (nombre, descripcion) VALUES ('writer', '0')");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong committed = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(source, stop, committed));
            try {
                while (committed.get() < 20) {
                    Thread.sleep(5);
                }
                long before = committed.get();
                BackupResult backup = backups.backup(OpsFixtures.database(source), false, dir, BackupProgress.NONE);
                long after = committed.get();
                assertThat(after)
                        .as("the writer kept committing during the backup")
                        .isGreaterThan(before);

                restores.restore(
                        backup.archive(),
                        OpsFixtures.database(target),
                        new RestoreOptions(false, false, dir),
                        new PrintWriter(new StringWriter()));
            } finally {
                stop.set(true);
                writer.get(30, TimeUnit.SECONDS);
            }
            long writes = scalar(to, "SELECT descripcion::bigint FROM categorias WHERE nombre = 'writer'");
            assertThat(writes).isPositive();
            assertThat(scalar(to, "SELECT count(*) FROM activos WHERE nombre LIKE 'writer %'"))
                    .isEqualTo(writes);
            assertThat(scalar(
                            to,
                            "SELECT count(*) FROM mantenimientos m JOIN activos a ON a.id = m.activo_id"
                                    + " WHERE a.nombre LIKE 'writer %'"))
                    .isEqualTo(2 * writes);
            assertThat(scalar(to, "SELECT count(*) FROM auditoria WHERE accion = 'writer'"))
                    .isEqualTo(writes);
            assertThat(scalar(
                            to, "SELECT count(*) FROM activos WHERE version = " + writes + " AND nombre = 'Equipo 1'"))
                    .as("an update in the same transactions is at the same point")
                    .isEqualTo(1);
        }
    }

    /** Each transaction: one asset with two maintenance records, an audit row, a counter and an update. */
    private static void write(TestDatabase.Scratch source, AtomicBoolean stop, AtomicLong committed) {
        try (var connection = source.connect()) {
            connection.setAutoCommit(false);
            for (long n = 1; !stop.get(); n++) {
                execute(
                        connection,
                        "WITH a AS (INSERT INTO activos (codigo, categoria_id, nombre, numero_serie)"
                                + " SELECT 'W-" + n + "', id, 'writer " + n + "', 'W-SN-" + n + "' FROM categorias"
                                + " WHERE nombre = 'writer' RETURNING id)"
                                + " INSERT INTO mantenimientos (activo_id, tipo, titulo) SELECT id, 'preventivo', t"
                                + " FROM a, (VALUES ('uno'), ('dos')) v(t)");
                execute(connection, "INSERT INTO auditoria (accion, entidad) VALUES ('writer', 'activo')");
                execute(connection, "UPDATE categorias SET descripcion = '" + n + "' WHERE nombre = 'writer'");
                execute(connection, "UPDATE activos SET version = " + n + " WHERE nombre = 'Equipo 1'");
                connection.commit();
                committed.set(n);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
