package org.inventarioti.support;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * A database in the state earlier installations are in: Flyway run to V2 (the expand migration)
 * with legacy rows whose especificaciones text is valid JSON, invalid JSON, a JSON non-object,
 * blank or NULL.
 */
public final class EstadoV2 {

    /** Texts that are not JSON objects, in the order they are inserted. */
    public static final String[] INVALIDOS = {"{cpu: i7", "[1, 2, 3]", "\"solo texto\"", "ram=16GB; disco=512GB"};

    private EstadoV2() {}

    public static Flyway flyway(String jdbcUrl, String target) {
        TestDatabase db = TestDatabase.get();
        return Flyway.configure()
                .dataSource(jdbcUrl, db.user(), db.password())
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    /**
     * Migrates {@code jdbcUrl} to {@code target} and adds {@code validos} assets with a valid
     * specification text, one per entry of {@link #INVALIDOS}, one blank and one NULL.
     */
    public static void crear(Connection connection, String jdbcUrl, String target, int validos) throws SQLException {
        crear(connection, flyway(jdbcUrl, target), validos);
    }

    /** As above with a Flyway of the caller's (another role, e.g. the database's non-superuser owner). */
    public static void crear(Connection connection, Flyway flyway, int validos) throws SQLException {
        flyway.migrate();
        try (var statement = connection.createStatement()) {
            statement.execute("INSERT INTO categorias (nombre) VALUES ('Laptop legado') ON CONFLICT DO NOTHING");
            statement.execute("""
                    INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, especificaciones)
                    SELECT 'LEG-' || lpad(i::text, 7, '0'), (SELECT min(id) FROM categorias), 'Equipo ' || i,
                           'SN-LEG-' || i, '{"cpu": "i7", "ram": "16GB", "n": ' || i || '}'
                    FROM generate_series(1, %d) i
                    """.formatted(validos));
        }
        int n = 0;
        for (String texto : INVALIDOS) {
            insert(connection, "LEG-INV-" + n, texto);
            n++;
        }
        insert(connection, "LEG-BLANK", "   ");
        insert(connection, "LEG-NULL", null);
    }

    private static void insert(Connection connection, String codigo, String texto) throws SQLException {
        try (var statement = connection.prepareStatement(
                "INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, especificaciones)"
                        + " VALUES (?, (SELECT min(id) FROM categorias), 'Equipo legado', ?, ?)")) {
            statement.setString(1, codigo);
            statement.setString(2, "SN-" + codigo);
            statement.setString(3, texto);
            statement.executeUpdate();
        }
    }

    public static int invalidos() {
        return INVALIDOS.length;
    }
}
