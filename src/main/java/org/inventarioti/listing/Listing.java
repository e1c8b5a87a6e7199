package org.inventarioti.listing;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a list query: one page in the chosen order (by page number, or after a keyset cursor so deep
 * pages cost the same as the first) and the total count of the filtered rows.
 *
 * @param select {@code SELECT <columns> FROM <table> <alias> [JOIN …]}
 * @param countFrom {@code FROM <table> <alias>} for the count (filters name only that table)
 * @param idColumn the row id, e.g. {@code a.id}
 */
public record Listing(JdbcClient jdbc, String select, String countFrom, String idColumn) {

    private static final String SORT_VALUE = "sort_value__";

    /**
     * At most this many matching rows are fetched through the filter's own index and sorted, rather
     * than walking the sort's index past the rows that do not match (about sqrt(page × table) for
     * 100 000 rows; the planner cannot tell, as it does not estimate jsonb containment).
     */
    static final long FETCH_AND_SORT = 2000;

    public <T> ListPage<T> run(SqlFilter filter, Sort sort, ListParams params, RowMapper<T> mapper) {
        return run(filter, sort, params, mapper, null, null);
    }

    /**
     * As {@link #run(SqlFilter, Sort, ListParams, RowMapper)}, taking the total from {@code cache}
     * when it was counted under the same {@code version} of the table (read in this transaction's
     * snapshot, so the caller's transaction must be REPEATABLE READ).
     */
    public <T> ListPage<T> run(
            SqlFilter filter, Sort sort, ListParams params, RowMapper<T> mapper, CountCache cache, Long version) {
        int size = params.size();
        String countSql = "SELECT count(*) " + countFrom + filter.where();
        java.util.function.Supplier<Long> count = () ->
                jdbc.sql(countSql).params(filter.params()).query(Long.class).single();
        Long known = null;
        String from = select;
        SqlFilter outer = filter;
        if (cache != null && version != null && !filter.where().isEmpty()) {
            known = cache.total(countSql, filter.params(), version, count);
            if (known <= FETCH_AND_SORT) {
                String alias = countFrom.substring(countFrom.lastIndexOf(' ') + 1);
                from = select.replaceFirst(
                        java.util.regex.Pattern.quote(countFrom),
                        java.util.regex.Matcher.quoteReplacement(
                                "FROM (SELECT * " + countFrom + filter.where() + " OFFSET 0) " + alias));
                outer = filter.withoutConditions();
            }
        }
        Map<String, Object> values = new HashMap<>(filter.params());
        String where;
        Integer page;
        String offset = "";
        if (params.after().isPresent()) {
            Cursor cursor = Cursor.decode(params.after().get(), sort);
            values.put("cursor_value", cursor.value());
            values.put("cursor_id", cursor.id());
            where = outer.where(keyset(sort));
            page = null;
        } else {
            where = outer.where();
            page = params.page();
            offset = " OFFSET " + (long) (page - 1) * size;
        }
        String sql = from.replaceFirst(
                        "(?i)^SELECT ", "SELECT (" + sort.key().expression() + ")::text AS " + SORT_VALUE + ", ")
                + where + " ORDER BY " + sort.orderBy(idColumn) + " LIMIT " + (size + 1) + offset;
        List<Row<T>> rows = jdbc.sql(sql)
                .params(values)
                .query((ResultSet rs, int n) ->
                        new Row<>(mapper.mapRow(rs, n), rs.getString(SORT_VALUE), rs.getLong("id")))
                .list();
        boolean more = rows.size() > size;
        List<Row<T>> shown = more ? rows.subList(0, size) : rows;
        String next = null;
        if (more) {
            Row<T> last = shown.get(shown.size() - 1);
            next = new Cursor(sort.token(), last.id(), last.sortValue()).encode();
        }
        long total;
        if (known != null) {
            total = known;
        } else if (page != null && page == 1 && !more) {
            total = shown.size();
        } else if (cache != null && version != null) {
            total = cache.total(countSql, filter.params(), version, count);
        } else {
            total = count.get();
        }
        List<T> items = new ArrayList<>(shown.size());
        shown.forEach(row -> items.add(row.item()));
        return new ListPage<>(items, total, page, size, next);
    }

    private String keyset(Sort sort) {
        String op = sort.descending() ? "<" : ">";
        String value = "CAST(:cursor_value AS " + sort.key().sqlType() + ")";
        if (sort.key().unique()) {
            return sort.key().expression() + " " + op + " " + value;
        }
        return "(" + sort.key().expression() + ", " + idColumn + ") " + op + " (" + value + ", :cursor_id)";
    }

    private record Row<T>(T item, String sortValue, long id) {}
}
