package org.inventarioti.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's second thread (hash + deflate): same bytes, bounded memory, failures never make an archive. */
class ArchiveWriterTest {

    @TempDir
    Path dir;

    private static byte[] rows(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i).append("\tfila ").append(i * 31).append("\t\\N\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static Manifest manifest(List<Manifest.Member> members, long rows) {
        return new Manifest(
                Manifest.FORMAT,
                Manifest.FORMAT_VERSION,
                "test",
                "2026-01-01T00:00:00Z",
                new Manifest.Source("h", 5432, "d", "15", false),
                new Manifest.Schema("1", "x", List.of()),
                List.of(new Manifest.Table("t", "data/t.copy", List.of("a", "b", "c"), rows)),
                List.of(),
                members);
    }

    @Test
    void membersWrittenInPiecesOfEverySizeArriveWholeWithTheirDigestAndRows() throws Exception {
        byte[] data = rows(200_000); // several hand-off buffers
        Path target = dir.resolve("inventario-backup-test.zip");
        try (ArchiveWriter writer = ArchiveWriter.create(target)) {
            Manifest.Member member = writer.member("data/t.copy", true, out -> {
                int position = 0;
                for (int step = 1; position < data.length; step = step * 7 % 100_003 + 1) {
                    int n = Math.min(step, data.length - position);
                    if (n == 1) {
                        out.write(data[position]);
                    } else {
                        out.write(data, position, n);
                    }
                    position += n;
                }
            });
            assertThat(member.bytes()).isEqualTo(data.length);
            assertThat(member.rows()).isEqualTo(200_000);
            assertThat(member.sha256()).isEqualTo(ArchiveWriter.sha256(data));
            writer.commit(manifest(writer.members(), 200_000));
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .as("the archive holds password hashes: owner only")
                .isEqualTo("rw-------");
        assertThat(ArchiveVerifier.verify(target).members()).hasSize(1);
        try (ArchiveReader reader = ArchiveReader.open(target);
                var in = reader.member("data/t.copy")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void aFailureOnTheWriterThreadFailsTheMemberAndLeavesNoFile() throws Exception {
        Path target = dir.resolve("inventario-backup-test.zip");
        byte[] chunk = rows(10_000);
        AtomicInteger written = new AtomicInteger();
        try (ArchiveWriter writer = ArchiveWriter.create(target)) {
            assertThatThrownBy(() -> writer.member("data/t.copy", true, out -> {
                        for (int i = 0; i < 1_000; i++) {
                            out.write(chunk);
                            if (written.incrementAndGet() == 20) {
                                writer.channel.close(); // the disk fails under the writer thread
                            }
                        }
                    }))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("writing the archive failed");
            assertThat(written.get()).as("the failure stops the body early").isLessThan(1_000);
        }
        assertThat(files(dir)).as("neither an archive nor a partial file").isEmpty();
    }

    @Test
    void aFailureInTheBodyWhileTheWriterThreadIsBusyLeavesNoFile() throws Exception {
        Path target = dir.resolve("inventario-backup-test.zip");
        byte[] chunk = rows(10_000);
        try (ArchiveWriter writer = ArchiveWriter.create(target)) {
            assertThatThrownBy(() -> writer.member("data/t.copy", true, out -> {
                        for (int i = 0; i < 50; i++) {
                            out.write(chunk);
                        }
                        throw new IllegalStateException("COPY broke off");
                    }))
                    .hasMessage("COPY broke off");
        }
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void theHandOffHoldsAFixedNumberOfBuffersWhenTheWorkerFallsBehind() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger received = new AtomicInteger();
        try (HandOff handOff = new HandOff("test-hand-off")) {
            HandOff.Stream out = handOff.open((buffer, length) -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                received.addAndGet(length);
            });
            Thread writer = new Thread(() -> {
                try {
                    out.write(new byte[HandOff.CHUNK * (HandOff.CHUNKS + 10)]);
                    out.finish();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            writer.join(500);
            assertThat(writer.isAlive()).as("the writer waits for free buffers").isTrue();
            release.countDown();
            writer.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(writer.isAlive()).isFalse();
            assertThat(received.get()).isEqualTo(HandOff.CHUNK * (HandOff.CHUNKS + 10));
        }
    }
}
