package org.inventarioti.ops.archive;

import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json}: what an archive holds and how to check it. Field names are snake_case in
 * the file; {@code docs/operations/backup-restore.md} documents each one.
 */
public record Manifest(
        String format,
        int formatVersion,
        String appVersion,
        String createdAt,
        Source source,
        Schema schema,
        List<Table> tables,
        List<SequenceValue> sequences,
        List<Member> members) {

    public static final String FORMAT = "inventario-ti-backup";
    public static final int FORMAT_VERSION = 1;

    /** Where the data came from: never credentials. */
    public record Source(String host, int port, String database, String serverVersion, boolean embedded) {}

    /** The Flyway history of the source: highest applied version and a digest of the whole history. */
    public record Schema(String version, String historyChecksum, List<AppliedMigration> migrations) {}

    public record AppliedMigration(String version, String description, String type, String script, Integer checksum) {}

    /** One table's data: a COPY text member with these columns, in this order. */
    public record Table(String name, String member, List<String> columns, long rows) {}

    public record SequenceValue(String name, String ownerTable, String ownerColumn, long lastValue, boolean isCalled) {}

    /** Every member but the manifest itself: uncompressed size, SHA-256 and, for COPY data, rows. */
    public record Member(String name, long bytes, String sha256, Long rows) {}

    public Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
