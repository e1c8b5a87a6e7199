package org.inventarioti.importacion;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.inventarioti.config.Database;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.support.TestDatabase;

/** Target databases for imports (scratch ones on the test PostgreSQL) and what an import left in them. */
final class Destinos {

    static final ZoneId ZONA = ZoneId.of("America/Bogota");

    private Destinos() {}

    static ImportacionLegado.Opciones opciones(boolean simulacion, String... admins) {
        return new ImportacionLegado.Opciones(List.of(admins), "TECNICO", ZONA, simulacion);
    }

    static ImportacionLegado.Migracion migracion(Database database) {
        return () -> Flyway.configure()
                .dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    record Corrida(Informe informe, String log) {}

    static Corrida desdeVivo(LegacyMariaDb legacy, TestDatabase.Scratch target, ImportacionLegado.Opciones o) {
        Database database = OpsFixtures.database(target);
        StringWriter log = new StringWriter();
        Informe informe = ImportacionLegado.desdeBaseDeDatos(
                legacy.url(), "root", "", database, o, migracion(database), new PrintWriter(log, true));
        return new Corrida(informe, log.toString());
    }

    static Corrida desdeDump(Path dump, TestDatabase.Scratch target, ImportacionLegado.Opciones o) {
        Database database = OpsFixtures.database(target);
        StringWriter log = new StringWriter();
        Informe informe =
                ImportacionLegado.desdeDump(dump, database, o, migracion(database), new PrintWriter(log, true));
        return new Corrida(informe, log.toString());
    }

    /** The imported rows that do not depend on when the import ran, table by table, in id order. */
    static Map<String, List<String>> contenido(Connection connection) throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("usuarios", "SELECT id, nombre, email, rol, enabled, password_hash FROM usuarios ORDER BY id");
        queries.put("categorias", "SELECT id, nombre, descripcion FROM categorias ORDER BY id");
        queries.put(
                "activos",
                "SELECT id, codigo, categoria_id, nombre, marca, modelo, numero_serie, estado, area,"
                        + " ubicacion, proveedor, fecha_compra, garantia_hasta, precio, moneda, responsable, notas, bitlocker,"
                        + " especificaciones::text FROM activos ORDER BY id");
        queries.put(
                "cuarentena", "SELECT activo_id, texto_original, motivo FROM especificaciones_cuarentena ORDER BY 1");
        queries.put(
                "mantenimientos",
                "SELECT id, activo_id, tipo, titulo, descripcion, estado, fecha_programada,"
                        + " fecha_completado, tecnico_id, costo, notas FROM mantenimientos ORDER BY id");
        queries.put(
                "auditoria",
                "SELECT entidad, entidad_id, accion, despues->>'id_origen' FROM auditoria"
                        + " WHERE accion = 'importar' ORDER BY entidad, entidad_id::bigint");
        Map<String, List<String>> content = new LinkedHashMap<>();
        for (var query : queries.entrySet()) {
            List<String> rows = new ArrayList<>();
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery(query.getValue())) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? " | " : "").append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
            content.put(query.getKey(), rows);
        }
        return content;
    }

    /** Every row of every table of the database as text: what "grep the whole database" reads. */
    static String todo(Connection connection) throws SQLException {
        StringBuilder all = new StringBuilder();
        List<String> tables = new ArrayList<>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                while (rs.next()) {
                    all.append(table).append(": ").append(rs.getString(1)).append('\n');
                }
            }
        }
        return all.toString();
    }

    static String estado(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
