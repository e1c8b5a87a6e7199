package org.inventarioti.ops.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleasesTest {

    @TempDir
    Path dir;

    private Path jar(String version, String content) throws Exception {
        Path jar = dir.resolve("build-" + version + "-" + content.hashCode() + ".jar");
        try (var zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry(Releases.BUILD_INFO));
            zip.write(("build.version=" + version + "\n").getBytes());
            zip.putNextEntry(new ZipEntry("content"));
            zip.write(content.getBytes());
        }
        return jar;
    }

    @Test
    void installsOnceSwitchesLinksAtomicallyAndPrunesAllButTheNewest() throws Exception {
        Releases releases = new Releases(dir.resolve("root"));
        assertThat(releases.current()).isEmpty();
        Release one = releases.install(jar("1.0.0", "a"));
        assertThat(one.jar()).isRegularFile();
        assertThat(Files.isExecutable(one.cli())).isTrue();
        assertThat(releases.install(jar("1.0.0", "a"))).as("same jar: reused").isEqualTo(one);
        assertThatThrownBy(() -> releases.install(jar("1.0.0", "other")))
                .hasMessageContaining("is already installed")
                .hasMessageContaining("with a different jar");
        assertThatThrownBy(() -> Releases.version(dir.resolve("missing.jar"))).hasMessageContaining("Cannot read");

        releases.promote(one);
        assertThat(releases.current()).contains(one);
        assertThat(Files.readSymbolicLink(dir.resolve("root/current"))).isEqualTo(Path.of("releases/1.0.0"));

        for (int i = 2; i <= 7; i++) {
            Release r = releases.install(jar("1.0." + i, "x" + i));
            Files.setLastModifiedTime(r.dir(), FileTime.fromMillis(1_000_000L * i));
        }
        Files.setLastModifiedTime(one.dir(), FileTime.fromMillis(1));
        Release candidate = releases.installed("1.0.2").orElseThrow();
        releases.pointCandidate(candidate);
        assertThat(releases.candidate()).contains(candidate);

        var removed = releases.prune(3);
        assertThat(removed).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("1.0.3", "1.0.4");
        assertThat(releases.current()).as("current is never pruned").contains(one);
        assertThat(candidate.dir()).as("nor the candidate").isDirectory();

        releases.removeCandidate();
        assertThat(releases.candidate()).isEmpty();
        releases.writeLauncher();
        assertThat(Files.readString(dir.resolve("root/inventario-start"))).contains("candidate", "current");
    }
}
