package org.inventarioti.importacion;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.config.Database;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Inventario-TI database an import writes into: refuses one that holds anything, then takes
 * every row in one transaction (COPY, source ids kept), writes one audit event per imported row
 * in it, and puts the sequences past the imported ids. A failure rolls everything back.
 */
final class Destino implements AutoCloseable {

    /** Tables an import fills, in foreign-key order. */
    static final List<String> TABLAS =
            List.of("usuarios", "categorias", "activos", "especificaciones_cuarentena", "mantenimientos");

    private final Connection connection;
    private final String description;

    private Destino(Connection connection, String description) {
        this.connection = connection;
        this.description = description;
    }

    static Destino abrir(Database database) {
        try {
            return new Destino(database.connect(), database.describe());
        } catch (SQLException e) {
            throw new ImportacionRechazada(
                    "cannot connect to the target " + database.describe() + ": " + e.getMessage(), e);
        }
    }

    String describir() {
        return description;
    }

    Connection connection() {
        return connection;
    }

    boolean tieneEsquema() throws SQLException {
        return existe("flyway_schema_history") && existe("activos");
    }

    private boolean existe(String table) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, "public." + table);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * What the target holds that an import would mix with: rows in any application table but the
     * categories migrations seed (a category added or changed since counts), e.g. "usuarios: 1 row".
     */
    List<String> contenido() throws SQLException {
        List<String> found = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                          AND c.relname NOT IN ('flyway_schema_history', 'categorias') AND c.relname NOT LIKE 'ops\\_%'
                        ORDER BY c.relname""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            long rows = scalar("SELECT count(*) FROM " + quote(table));
            if (rows > 0) {
                found.add(table + ": " + rows + (rows == 1 ? " row" : " rows"));
            }
        }
        if (existe("categorias")) {
            long added = scalar("""
                    SELECT count(*) FROM categorias
                    WHERE version > 0 OR demo OR created_at > (SELECT max(installed_on) FROM flyway_schema_history)""");
            if (added > 0) {
                found.add("categorias: " + added + " added or changed since installation");
            }
        }
        return found;
    }

    record Categoria(long id, String nombre, JsonNode esquema) {}

    List<Categoria> categorias(JsonMapper json) throws SQLException {
        List<Categoria> out = new ArrayList<>();
        if (!existe("categorias")) {
            return out;
        }
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT id, nombre, esquema::text FROM categorias ORDER BY id")) {
            while (rs.next()) {
                out.add(new Categoria(rs.getLong(1), rs.getString(2), json.readTree(rs.getString(3))));
            }
        }
        return out;
    }

    /**
     * The categories this release seeds (V4), for a preview into a database that has no schema
     * yet: the real run creates the schema first and matches against exactly these. Migrations
     * never change once released, so reading V4's VALUES is stable.
     */
    static List<Categoria> categoriasSemilla(JsonMapper json) {
        var resource = Destino.class.getResourceAsStream("/db/migration/V4__expand_categorias_semilla.sql");
        if (resource == null) {
            return List.of();
        }
        String sql;
        try (resource) {
            sql = new String(resource.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return List.of();
        }
        List<Categoria> out = new ArrayList<>();
        var values = java.util.regex.Pattern.compile("\\('([^']+)',\\s*'[^']*',\\s*'(\\{[^']*\\})'\\)")
                .matcher(sql);
        for (long id = 1; values.find(); id++) {
            out.add(new Categoria(id, values.group(1), json.readTree(values.group(2))));
        }
        return out;
    }

    /** Starts the one transaction and keeps concurrent writers out of the tables until it ends. */
    void empezar() throws SQLException {
        connection.setAutoCommit(false);
        execute("SET LOCAL lock_timeout = '10s'");
        execute("LOCK TABLE " + String.join(", ", TABLAS) + " IN SHARE ROW EXCLUSIVE MODE");
    }

    interface Filas {
        void escribir(CopyCsv copy) throws Exception;
    }

    long copiar(String table, List<String> columns, Filas filas) throws Exception {
        CopyCsv copy = CopyCsv.into(connection, table, columns);
        try {
            filas.escribir(copy);
            copy.close();
            return copy.filas();
        } catch (Exception | Error e) {
            copy.cancelar();
            throw e;
        }
    }

    /** Copies rows that {@link CopyCsv#to} wrote into a file. */
    long copiarArchivo(String table, List<String> columns, java.nio.file.Path file) throws Exception {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            return connection
                    .unwrap(org.postgresql.PGConnection.class)
                    .getCopyAPI()
                    .copyIn(sql, in);
        }
    }

    /** One import event per row of {@code table} (all of them, or those with the given ids). */
    long auditar(String table, String entidad, String actor, String origen, String runId, long[] soloIds)
            throws SQLException {
        String where = soloIds == null ? "" : " WHERE id = ANY (?)";
        try (var statement = connection.prepareStatement("""
                INSERT INTO auditoria (actor_email, accion, entidad, entidad_id, despues, request_id)
                SELECT ?, 'importar', ?, id::text,
                       jsonb_build_object('origen', ?::text, 'run_id', ?::text, 'id_origen', id), ?
                FROM %s%s ORDER BY id""".formatted(quote(table), where))) {
            statement.setString(1, actor);
            statement.setString(2, entidad);
            statement.setString(3, origen);
            statement.setString(4, runId);
            statement.setString(5, "import-" + runId);
            if (soloIds != null) {
                statement.setArray(
                        6,
                        connection.createArrayOf(
                                "bigint",
                                java.util.Arrays.stream(soloIds).boxed().toArray()));
            }
            return statement.executeUpdate();
        }
    }

    /** Identity sequences and activos_codigo_seq past the highest imported id. */
    void secuencias() throws SQLException {
        for (String table : List.of(
                "usuarios", "categorias", "activos", "especificaciones_cuarentena", "mantenimientos", "auditoria")) {
            execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), max(id)) FROM " + table
                    + " HAVING max(id) IS NOT NULL");
        }
        execute("SELECT setval('activos_codigo_seq', max(id)) FROM activos HAVING max(id) IS NOT NULL");
    }

    void update(String sql) throws SQLException {
        execute(sql);
    }

    Map<String, Long> conteos() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLAS) {
            counts.put(table, scalar("SELECT count(*) FROM " + table));
        }
        return counts;
    }

    void confirmar() throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    void deshacer() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // closing the connection rolls back too
        }
    }

    long scalar(String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        deshacer();
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do
        }
    }
}
