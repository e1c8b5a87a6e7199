package org.inventarioti.listing;

/**
 * A column a list can be sorted by: its API name, the SQL expression (NOT NULL, matching an index
 * whose last column is the row id) and the SQL type a cursor value is cast back to. A unique key
 * needs no id tie-breaker.
 */
public record SortKey(String name, String expression, String sqlType, boolean unique) {

    public static SortKey of(String name, String expression, String sqlType) {
        return new SortKey(name, expression, sqlType, false);
    }

    public static SortKey unique(String name, String expression, String sqlType) {
        return new SortKey(name, expression, sqlType, true);
    }
}
