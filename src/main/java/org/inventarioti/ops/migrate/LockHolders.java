package org.inventarioti.ops.migrate;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The other sessions holding a lock on a table of this database's schema: what a migration waits
 * for. Described in words (who, from which program, for how long, doing what) for the messages
 * a lock time-out and the maintenance run's wait for writes end with.
 */
public final class LockHolders {

    private static final String QUERY = """
            SELECT a.pid, coalesce(a.usename, '?') AS usename, coalesce(nullif(a.application_name, ''), '?') AS app,
                   coalesce(a.state, '?') AS state,
                   coalesce(extract(epoch FROM now() - a.xact_start)::bigint, 0) AS seconds,
                   left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 100) AS query,
                   string_agg(DISTINCT c.relname, ', ' ORDER BY c.relname) AS tables
            FROM pg_locks l
            JOIN pg_class c ON c.oid = l.relation
            JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.granted AND l.pid <> pg_backend_pid()
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND c.relnamespace = current_schema()::regnamespace
              AND c.relkind IN ('r', 'p') AND (:table = '' OR c.relname = :table)
              AND coalesce(a.xact_start, now()) <= now() - :olderThan * interval '1 millisecond'
            GROUP BY a.pid, a.usename, a.application_name, a.state, a.xact_start, a.query
            ORDER BY a.xact_start""";

    private LockHolders() {}

    /** Every other session holding a lock on {@code table} (any table of the schema when null). */
    public static List<String> on(JdbcClient jdbc, String table) {
        return on(jdbc, table, java.time.Duration.ZERO);
    }

    /** As {@link #on(JdbcClient, String)}, only the sessions whose transaction is older than {@code olderThan}. */
    public static List<String> on(JdbcClient jdbc, String table, java.time.Duration olderThan) {
        return jdbc.sql(QUERY)
                .param("table", table == null ? "" : table)
                .param("olderThan", olderThan.toMillis())
                .query((rs, n) -> "session " + rs.getInt("pid") + " (user " + rs.getString("usename") + ", program "
                        + rs.getString("app") + ", " + rs.getString("state") + ", transaction open "
                        + rs.getLong("seconds") + " s, on " + rs.getString("tables") + ", last query: "
                        + rs.getString("query") + ")")
                .list();
    }

    /** As {@link #on(JdbcClient, String)}; a failure to look is said, not thrown. */
    static String describe(DataSource dataSource) {
        try {
            List<String> holders = on(JdbcClient.create(dataSource), null);
            return holders.isEmpty()
                    ? "no session holds a lock now (the one that did has ended)"
                    : "held by " + String.join("; ", holders);
        } catch (RuntimeException e) {
            return "could not list the sessions holding locks (" + e.getClass().getSimpleName() + ")";
        }
    }
}
