package org.inventarioti.importacion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.inventarioti.listing.CopyLine;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into one table through PostgreSQL's COPY (CSV), ids included; or, for a dry run,
 * formatted the same way and discarded. One at a time per connection.
 */
final class CopyCsv implements AutoCloseable {

    private final Writer out;
    private final org.postgresql.copy.CopyIn copy;
    private long rows;

    private CopyCsv(Writer out, org.postgresql.copy.CopyIn copy) {
        this.out = out;
        this.copy = copy;
    }

    static CopyCsv into(Connection connection, String table, List<String> columns) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        var copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        return new CopyCsv(
                new BufferedWriter(
                        new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16), StandardCharsets.UTF_8), 1 << 16),
                copy);
    }

    /** Rows kept in a file (or any writer) to be copied later. */
    static CopyCsv to(Writer writer) {
        return new CopyCsv(writer, null);
    }

    static CopyCsv discarding() {
        return new CopyCsv(Writer.nullWriter(), null);
    }

    /** Abandons the COPY (after a failure) so the transaction can be rolled back. */
    void cancelar() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the rollback that follows ends it anyway
        }
    }

    void fila(Object... values) throws IOException {
        out.append(CopyLine.line(values));
        rows++;
    }

    long filas() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
