package org.inventarioti.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.inventarioti.support.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL in the middle of a backup and of a restore, with the packaged jar as the victim. */
class CrashIT {

    private static final int ASSETS = 30_000;

    @TempDir
    Path dir;

    @BeforeAll
    static void externalServer() {
        assumeTrue(ExternalServer.available(), "needs the machine's PostgreSQL at 127.0.0.1:5432");
    }

    private static Map<String, String> dbEnv(ExternalServer.Scratch db) {
        return Map.of("DB_HOST", ExternalServer.HOST, "DB_PORT", "5432", "DB_NAME", db.name(), "DB_USER", "postgres");
    }

    /** Starts the jar, waits until {@code when} holds, then SIGKILLs it; returns its output so far. */
    private String killWhen(List<String> args, Map<String, String> env, Predicate<String> when) throws Exception {
        Path log = Files.createTempFile(dir, "victim", ".log");
        var command = new java.util.ArrayList<>(List.of("java", "-jar", Processes.JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Processes.ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("INVENTARIO_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!when.test(Files.readString(log))) {
            assertThat(process.isAlive())
                    .as("finished before it could be killed:\n" + Files.readString(log))
                    .isTrue();
            assertThat(System.nanoTime()).as("never reached the kill point").isLessThan(deadline);
            Thread.sleep(5);
        }
        process.destroyForcibly(); // SIGKILL
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(137);
        return Files.readString(log);
    }

    private static List<Path> files(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    @Test
    void killedBackupLeavesNoArchiveAndAKilledRestoreLeavesTheTargetAsItWas() throws Exception {
        try (var source = ExternalServer.create();
                var target = ExternalServer.create()) {
            OpsScriptsIT.migrate(source);
            OpsScriptsIT.migrate(target);
            try (var connection = source.connect()) {
                OpsFixtures.sampleData(connection, ASSETS);
            }
            try (var connection = target.connect()) {
                OpsFixtures.execute(
                        connection, "INSERT INTO categorias (nombre) VALUES ('staging before the restore')");
            }
            Path backups = dir.resolve("backups");

            killWhen(
                    List.of("backup", "--output", backups.toString()),
                    dbEnv(source),
                    out -> out.contains("categorias: "));
            assertThat(files(backups)).noneMatch(p -> p.getFileName().toString().startsWith("inventario-backup-"));
            for (Path leftover : files(backups)) {
                var verify = Processes.run(
                        List.of("bin/inventario", "verify", leftover.toString()), Map.of(), Duration.ofMinutes(1));
                assertThat(verify.exit()).isEqualTo(1);
                assertThat(verify.output()).contains("FAILED").contains("partial");
            }

            var rerun = Processes.run(
                    List.of("bin/inventario", "backup", "--output", backups.toString()),
                    dbEnv(source),
                    Duration.ofMinutes(3));
            assertThat(rerun.exit()).as(rerun.output()).isZero();
            assertThat(files(backups))
                    .singleElement()
                    .satisfies(p -> assertThat(p.getFileName().toString()).startsWith("inventario-backup-"));
            Path archive = files(backups).get(0);

            java.util.Map<String, String> before;
            try (var connection = target.connect()) {
                before = OpsFixtures.contentHashes(connection);
            }
            List<String> restore = List.of(
                    "restore",
                    archive.toString(),
                    "--target",
                    target.jdbcUrl(),
                    "--target-user",
                    "postgres",
                    "--force",
                    "--backup-dir",
                    dir.resolve("pre").toString());
            String out = killWhen(restore, Map.of(), o -> o.contains("  categorias: "));
            assertThat(out).doesNotContain("Swapping");
            try (var connection = target.connect()) {
                assertThat(OpsFixtures.contentHashes(connection))
                        .as("target unchanged")
                        .isEqualTo(before);
            }

            var again = Processes.run(
                    List.of(
                            "bin/inventario",
                            restore.get(0),
                            restore.get(1),
                            restore.get(2),
                            restore.get(3),
                            restore.get(4),
                            restore.get(5),
                            restore.get(6),
                            restore.get(7),
                            restore.get(8)),
                    Map.of(),
                    Duration.ofMinutes(3));
            assertThat(again.exit()).as(again.output()).isZero();
            assertThat(again.output()).contains("result: OK");
            try (var restored = target.connect();
                    var original = source.connect()) {
                assertThat(OpsFixtures.contentHashes(restored)).isEqualTo(OpsFixtures.contentHashes(original));
                assertThat(OpsFixtures.scalar(
                                restored, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'inventario_restore%'"))
                        .as("the killed run's staging schema is gone")
                        .isZero();
            }
        }
    }
}
