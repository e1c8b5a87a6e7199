package org.inventarioti.listing;

import org.apache.commons.csv.CSVFormat;

/**
 * One line of PostgreSQL {@code COPY … (FORMAT csv)} for bulk loads (demo data, imports): NULL
 * unquoted and empty, every other value quoted, so an empty text stays an empty text.
 */
public final class CopyLine {

    private CopyLine() {}

    public static String line(Object... values) {
        return CSVFormat.POSTGRESQL_CSV.format(values) + "\n";
    }
}
