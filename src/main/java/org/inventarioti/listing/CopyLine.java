package org.inventarioti.listing;

/** One line of PostgreSQL COPY … (FORMAT csv): NULL unquoted and empty, every text quoted (bulk loads). */
public final class CopyLine {

    private CopyLine() {}

    public static String line(Object... values) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (value instanceof Number || value instanceof Boolean) {
                line.append(value);
            } else {
                line.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
        }
        return line.append('\n').toString();
    }
}
