package org.inventarioti.ops.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {

    @TempDir
    Path dir;

    @Test
    void theNewestMaintenanceFoldersStayWithTheirArchivesAndOthersAreLeftAlone() throws Exception {
        for (String stamp : new String[] {"20261101-100000", "20261102-100000", "20261103-100000", "20261104-100000"}) {
            Path folder = Files.createDirectories(dir.resolve("maintenance-" + stamp + "/rollback-safety"));
            Files.writeString(folder.resolve("inventario-backup-x.zip"), "zip");
        }
        Files.writeString(dir.resolve("inventario-backup-manual.zip"), "zip");
        Files.createDirectories(dir.resolve("pre-restore"));

        assertThat(RunFolders.prune(dir, "maintenance-", 2))
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("maintenance-20261102-100000", "maintenance-20261101-100000");

        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "maintenance-20261104-100000",
                            "maintenance-20261103-100000",
                            "inventario-backup-manual.zip",
                            "pre-restore");
        }
        assertThat(dir.resolve("maintenance-20261104-100000/rollback-safety/inventario-backup-x.zip"))
                .exists();
        assertThat(RunFolders.prune(dir.resolve("none"), "maintenance-", 2)).isEmpty();
    }
}
