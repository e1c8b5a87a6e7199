package org.inventarioti.ops.archive;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What a schema holds, read from the PostgreSQL catalog so that tables added by later migrations
 * are backed up without code changes. The archive leaves out the migration history (rebuilt by
 * Flyway), {@code ops_*} (operational state of an installation) and {@code spring_session*}.
 */
public final class Catalog {

    public static final String HISTORY_TABLE = "flyway_schema_history";

    private Catalog() {}

    public record TableInfo(String name, List<String> columns) {}

    public record SequenceInfo(String name, String ownerTable, String ownerColumn) {}

    public static boolean archived(String table) {
        return !table.equals(HISTORY_TABLE) && !table.startsWith("ops_") && !table.startsWith("spring_session");
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /** Ordinary tables of the schema, archived or not, each with its stored (non-generated) columns. */
    public static List<TableInfo> tables(Connection connection, String schema) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        String sql = """
                SELECT c.relname, a.attname
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE n.nspname = ? AND c.relkind = 'r' AND a.attgenerated = ''
                ORDER BY c.relname, a.attnum
                """;
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        List<TableInfo> tables = new ArrayList<>();
        columns.forEach((name, cols) -> tables.add(new TableInfo(name, List.copyOf(cols))));
        return tables;
    }

    public static List<TableInfo> archivedTables(Connection connection, String schema) throws SQLException {
        List<TableInfo> all = tables(connection, schema);
        List<String> order = loadOrder(
                connection,
                schema,
                all.stream().map(TableInfo::name).filter(Catalog::archived).toList());
        return order.stream()
                .map(name -> all.stream()
                        .filter(t -> t.name().equals(name))
                        .findFirst()
                        .orElseThrow())
                .toList();
    }

    /** Referenced tables before referencing ones (name order otherwise; cycles keep name order). */
    static List<String> loadOrder(Connection connection, String schema, List<String> tables) throws SQLException {
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        tables.stream().sorted().forEach(t -> dependsOn.put(t, new LinkedHashSet<>()));
        String sql = """
                SELECT child.relname, parent.relname
                FROM pg_constraint k
                JOIN pg_class child ON child.oid = k.conrelid
                JOIN pg_class parent ON parent.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = child.relnamespace
                WHERE k.contype = 'f' AND n.nspname = ?
                """;
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    String child = rs.getString(1);
                    String parent = rs.getString(2);
                    if (dependsOn.containsKey(child) && dependsOn.containsKey(parent) && !child.equals(parent)) {
                        dependsOn.get(child).add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : dependsOn.keySet()) {
            visit(table, dependsOn, visiting, ordered);
        }
        return ordered;
    }

    private static void visit(
            String table, Map<String, Set<String>> dependsOn, Set<String> visiting, List<String> out) {
        if (out.contains(table) || !visiting.add(table)) {
            return;
        }
        for (String parent : dependsOn.get(table)) {
            visit(parent, dependsOn, visiting, out);
        }
        out.add(table);
    }

    /** Sequences of the schema with the column that owns each (identity, serial), if any. */
    public static List<SequenceInfo> sequences(Connection connection, String schema) throws SQLException {
        String sql = """
                SELECT s.relname, t.relname, a.attname
                FROM pg_class s
                JOIN pg_namespace n ON n.oid = s.relnamespace
                LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
                     AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
                LEFT JOIN pg_class t ON t.oid = d.refobjid
                LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE s.relkind = 'S' AND n.nspname = ?
                ORDER BY s.relname
                """;
        List<SequenceInfo> sequences = new ArrayList<>();
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    sequences.add(new SequenceInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return sequences;
    }

    public static boolean hasTable(Connection connection, String schema, String table) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (var rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The applied migrations of the schema (empty when it has no Flyway history). */
    public static List<Manifest.AppliedMigration> history(Connection connection, String schema) throws SQLException {
        if (!hasTable(connection, schema, HISTORY_TABLE)) {
            return List.of();
        }
        List<Manifest.AppliedMigration> applied = new ArrayList<>();
        String sql = "SELECT version, description, type, script, checksum FROM " + qualified(schema, HISTORY_TABLE)
                + " WHERE success AND version IS NOT NULL AND type NOT IN ('SCHEMA', 'DELETE')";
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Object checksum = rs.getObject(5);
                applied.add(new Manifest.AppliedMigration(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        checksum == null ? null : ((Number) checksum).intValue()));
            }
        }
        applied.sort(Comparator.comparing(m -> MigrationVersion.fromVersion(m.version())));
        return applied;
    }

    public static Manifest.Schema schema(List<Manifest.AppliedMigration> history) {
        String version =
                history.isEmpty() ? null : history.get(history.size() - 1).version();
        return new Manifest.Schema(version, historyChecksum(history), history);
    }

    /** A digest of what was applied (version, description, type, script, Flyway checksum), not when. */
    public static String historyChecksum(List<Manifest.AppliedMigration> history) {
        StringBuilder text = new StringBuilder();
        for (Manifest.AppliedMigration m : history) {
            text.append(m.version())
                    .append('|')
                    .append(m.description())
                    .append('|')
                    .append(m.type())
                    .append('|')
                    .append(m.script())
                    .append('|')
                    .append(m.checksum())
                    .append('\n');
        }
        return ArchiveWriter.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
