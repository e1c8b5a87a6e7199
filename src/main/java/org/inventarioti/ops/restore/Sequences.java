package org.inventarioti.ops.restore;

import java.sql.Connection;
import java.sql.SQLException;
import org.inventarioti.ops.archive.Catalog;
import org.inventarioti.ops.archive.Manifest;

/**
 * Puts every sequence where the source had it ({@code activos_codigo_seq} included) and never behind
 * the highest value its column holds, so the next insert continues where the source left off.
 */
final class Sequences {

    private Sequences() {}

    static void restore(Connection connection, String schema, Manifest manifest) throws SQLException {
        for (Manifest.SequenceValue value : manifest.sequences()) {
            if (Catalog.hasTable(connection, schema, value.name())) {
                try (var statement = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                    statement.setString(1, Catalog.qualified(schema, value.name()));
                    statement.setLong(2, value.lastValue());
                    statement.setBoolean(3, value.isCalled());
                    statement.execute();
                }
            }
        }
        catchUpWithColumns(connection, schema, t -> Catalog.archived(t));
    }

    /** Moves each owned sequence of the selected tables past the highest value of its column. */
    static void catchUpWithColumns(Connection connection, String schema, java.util.function.Predicate<String> tables)
            throws SQLException {
        for (Catalog.SequenceInfo sequence : Catalog.sequences(connection, schema)) {
            if (sequence.ownerTable() == null || !tables.test(sequence.ownerTable())) {
                continue;
            }
            String seq = Catalog.qualified(schema, sequence.name());
            String sql = "SELECT setval(?::regclass, m) FROM (SELECT max(" + Catalog.quote(sequence.ownerColumn())
                    + ")::bigint AS m FROM " + Catalog.qualified(schema, sequence.ownerTable()) + ") x, "
                    + "(SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS used FROM " + seq
                    + ") s WHERE m IS NOT NULL AND m > s.used";
            try (var statement = connection.prepareStatement(sql)) {
                statement.setString(1, seq);
                statement.execute();
            }
        }
    }
}
