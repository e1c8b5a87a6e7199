package org.inventarioti.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.inventarioti.support.CatalogDump;
import org.inventarioti.support.Processes;
import org.inventarioti.support.TestDatabase;
import org.inventarioti.support.releases.ProductionHost;
import org.inventarioti.support.releases.ReleaseJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/remote_deploy.sh end to end on a temporary root with the stand-in systemctl: a first
 * deploy, an upgrade, a release whose smoke fails (the previous one is back and answering), a dry
 * run and a concurrent run that change nothing (guarantees 6, 8 and 9).
 */
class DeployIT {

    private static final Duration DEPLOY = Duration.ofMinutes(5);

    @Test
    void deploysSwitchesOnlyAfterSmokeAndRollsBackABrokenRelease(@TempDir Path home) throws Exception {
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch();
                Connection connection = db.connect();
                var host = new ProductionHost(home, db)) {
            Path next = ReleaseJars.relabel(home.resolve("build/next/inventario.jar"), "0.9.1-next", Map.of());
            Path broken = ReleaseJars.relabel(
                    home.resolve("build/broken/inventario.jar"), "0.9.2-broken", ReleaseJars.smokeBreaker());

            var first = host.run(DEPLOY, "deploy/remote_deploy.sh", Processes.JAR.toString());
            assertThat(first.exit()).as(first.output() + host.serviceLog()).isZero();
            String current = host.current();
            assertThat(host.healthz()).contains("\"version\":\"" + current + "\"");
            assertThat(Files.isExecutable(host.root().resolve("inventario-start")))
                    .isTrue();

            var upgrade = host.run(DEPLOY, "deploy/remote_deploy.sh", next.toString());
            assertThat(upgrade.exit()).as(upgrade.output()).isZero();
            assertThat(upgrade.output()).contains("DEPLOYED: 0.9.1-next is current");
            assertThat(host.current()).isEqualTo("0.9.1-next");
            assertThat(host.healthz()).contains("\"version\":\"0.9.1-next\"");
            assertThat(host.root().resolve("releases/" + current))
                    .as("previous kept")
                    .isDirectory();

            String dump = CatalogDump.of(connection);
            String tree = host.tree();
            var dry = host.run(DEPLOY, "deploy/remote_deploy.sh", broken.toString(), "--dry-run");
            assertThat(dry.exit()).as(dry.output()).isZero();
            assertThat(dry.output())
                    .contains("PLANNED  install")
                    .contains("PLANNED  candidate")
                    .contains("PLANNED  switch")
                    .contains("nothing was changed");
            assertThat(host.tree()).as("dry run leaves the tree").isEqualTo(tree);
            assertThat(CatalogDump.of(connection)).isEqualTo(dump);

            try (FileChannel lock =
                            FileChannel.open(host.root().resolve(".maintenance.lock"), StandardOpenOption.WRITE);
                    var held = lock.lock()) {
                var concurrent = host.run(DEPLOY, "deploy/remote_deploy.sh", broken.toString());
                assertThat(concurrent.exit()).isEqualTo(1);
                assertThat(concurrent.output()).contains("another deploy or maintenance run");
            }
            assertThat(host.current()).isEqualTo("0.9.1-next");
            assertThat(host.root().resolve("releases/0.9.2-broken")).doesNotExist();

            var rolledBack = host.run(DEPLOY, "deploy/remote_deploy.sh", broken.toString());
            assertThat(rolledBack.exit()).as(rolledBack.output()).isEqualTo(1);
            assertThat(rolledBack.output()).contains("FAILED   smoke").contains("ROLLED BACK");
            assertThat(host.current()).isEqualTo("0.9.1-next");
            assertThat(host.root().resolve("candidate")).doesNotExist();
            assertThat(host.healthz())
                    .as("previous release answering")
                    .contains("\"version\":\"0.9.1-next\"", "\"status\":\"ok\"");
            try (var journals = Files.list(host.root().resolve("journal"))) {
                assertThat(journals.count()).isGreaterThanOrEqualTo(3);
            }
        }
    }
}
