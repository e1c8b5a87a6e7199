package org.inventarioti.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** WHERE conditions with their named parameters, built from checked list parameters. */
public final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private int next;

    /** Adds a condition whose single parameter is written {@code ?} and gets a unique name. */
    public SqlFilter add(String condition, Object value) {
        String name = "p" + next++;
        conditions.add(condition.replace("?", ":" + name));
        params.put(name, value);
        return this;
    }

    public SqlFilter add(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition with several parameters, written {@code :name} and given here. */
    public SqlFilter add(String condition, Map<String, ?> namedParams) {
        String rewritten = condition;
        for (var entry : namedParams.entrySet()) {
            String name = "p" + next++;
            rewritten = rewritten.replaceAll(":" + java.util.regex.Pattern.quote(entry.getKey()) + "\\b", ":" + name);
            params.put(name, entry.getValue());
        }
        conditions.add(rewritten);
        return this;
    }

    /** A LIKE pattern matching {@code text} anywhere, lower-cased, its wildcards escaped. */
    public static String containing(String text) {
        return "%"
                + text.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }

    /** The same parameters without conditions: for a query whose conditions sit in a subquery. */
    SqlFilter withoutConditions() {
        SqlFilter copy = new SqlFilter();
        copy.params.putAll(params);
        copy.next = next;
        return copy;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    String where(String extra) {
        List<String> all = new ArrayList<>(conditions);
        all.add(extra);
        return " WHERE " + String.join(" AND ", all);
    }

    public Map<String, Object> params() {
        return params;
    }
}
