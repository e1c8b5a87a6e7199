package org.inventarioti.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily / weekly / monthly retention over a synthetic year of nightly archives. */
class RetentionTest {

    @TempDir
    Path dir;

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

    private static String archive(LocalDate day, String time) {
        return "inventario-backup-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "T" + time + "000Z.zip"
                + (day.getDayOfMonth() % 2 == 0 ? ".enc" : "");
    }

    private static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** 2025-01-01 … 2025-12-31, one archive a night at 02:00, a second one at 14:00 on the last day. */
    private void aYear() throws Exception {
        for (LocalDate day = FIRST; day.getYear() == 2025; day = day.plusDays(1)) {
            Files.createFile(dir.resolve(archive(day, "020000")));
        }
        Files.createFile(dir.resolve(archive(LocalDate.of(2025, 12, 31), "140000")));
        Files.createFile(dir.resolve(".inventario-backup-20251231T150000000Z.zip.123.partial"));
        Files.createFile(dir.resolve("notes.txt"));
    }

    @Test
    void aYearOfNightlyArchivesKeepsExactlyTheExpectedSet() throws Exception {
        aYear();
        Path verified = dir.resolve(archive(LocalDate.of(2025, 3, 10), "020000"));

        List<Path> removed = Retention.prune(dir, RetentionPolicy.DEFAULT, Set.of(verified.toAbsolutePath()));

        Set<String> expected = new TreeSet<>();
        expected.add(archive(LocalDate.of(2025, 12, 31), "140000")); // newest of its day, week and month
        for (int d = 25; d <= 30; d++) {
            expected.add(archive(LocalDate.of(2025, 12, d), "020000")); // the other 6 of the last 7 days
        }
        // ISO weeks: 2026-W01 (Dec 29 – Jan 4) holds Dec 31; then Dec 28, Dec 21, Dec 14
        expected.add(archive(LocalDate.of(2025, 12, 21), "020000"));
        expected.add(archive(LocalDate.of(2025, 12, 14), "020000"));
        for (int month = 1; month <= 11; month++) { // the last night of Jan … Nov (Dec is Dec 31)
            expected.add(archive(LocalDate.of(2025, month, 1).plusMonths(1).minusDays(1), "020000"));
        }
        expected.add(archive(LocalDate.of(2025, 3, 10), "020000")); // the newest verified one
        expected.add(".inventario-backup-20251231T150000000Z.zip.123.partial");
        expected.add("notes.txt");
        assertThat(names(dir)).isEqualTo(expected);
        assertThat(expected).hasSize(7 + 2 + 11 + 1 + 2);
        assertThat(removed).hasSize(366 - 21);
        assertThat(removed).contains(dir.resolve(archive(LocalDate.of(2025, 12, 31), "020000")));
    }

    @Test
    void theNewestVerifiedArchiveStaysEvenWhenOlderThanEveryRule() throws Exception {
        aYear();
        Path verifiedOld = dir.resolve(archive(LocalDate.of(2025, 1, 5), "020000"));
        Path verifiedNewer = dir.resolve(archive(LocalDate.of(2025, 1, 6), "020000"));
        Retention.prune(
                dir,
                new RetentionPolicy(1, 0, 0),
                Set.of(verifiedOld.toAbsolutePath(), verifiedNewer.toAbsolutePath()));
        assertThat(names(dir))
                .filteredOn(n -> n.startsWith("inventario-backup-"))
                .containsExactlyInAnyOrder(
                        archive(LocalDate.of(2025, 12, 31), "140000"), archive(LocalDate.of(2025, 1, 6), "020000"));
    }

    @Test
    void maintenanceFoldersFollowTheSameRule() throws Exception {
        for (LocalDate day = FIRST; day.getYear() == 2025; day = day.plusDays(7)) {
            Path folder = dir.resolve("maintenance-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-030000");
            Files.createDirectories(folder);
            Files.createFile(folder.resolve("inventario-backup-x.zip"));
        }
        Path verified = dir.resolve("maintenance-20250205-030000").resolve("inventario-backup-x.zip");
        Files.createDirectories(dir.resolve("other-20250101-000000"));

        List<Path> removed =
                Retention.pruneFolders(dir, "maintenance-", RetentionPolicy.DEFAULT, Set.of(verified.toAbsolutePath()));

        // Weekly runs on Wednesdays: Dec 31 … (7 daily = the 7 newest runs, which also cover 4 weeks), one per month
        Set<String> expected = new TreeSet<>(List.of("other-20250101-000000"));
        for (LocalDate day = LocalDate.of(2025, 12, 31); expected.size() < 8; day = day.minusDays(7)) {
            expected.add("maintenance-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-030000");
        }
        for (LocalDate day = FIRST; day.getYear() == 2025; day = day.plusDays(7)) {
            if (day.plusDays(7).getMonthValue() != day.getMonthValue()
                    || day.plusDays(7).getYear() != 2025) {
                expected.add("maintenance-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-030000");
            }
        }
        expected.add("maintenance-20250205-030000");
        assertThat(names(dir)).isEqualTo(expected);
        assertThat(removed).isNotEmpty().allMatch(p -> !Files.exists(p));
    }

    @Test
    void aRetentionWithoutADailyArchiveIsRefused() {
        assertThatThrownBy(() -> new RetentionPolicy(0, 4, 12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(7, -1, 12)).isInstanceOf(IllegalArgumentException.class);
    }
}
