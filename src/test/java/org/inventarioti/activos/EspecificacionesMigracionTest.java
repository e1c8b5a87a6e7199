package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The especificaciones migration on a database in the V2 state (legacy TEXT column next to the
 * JSONB one): every valid JSON object is converted, every other text is kept in quarantine, and
 * the contract step refuses — changing nothing — while a text and its conversion disagree.
 */
class EspecificacionesMigracionTest {

    /** Legacy texts: valid objects, invalid JSON, arrays and scalars, blanks and NULL. */
    private static final Map<String, Boolean> V1_TEXTS = new LinkedHashMap<>();

    static {
        V1_TEXTS.put("{\"cpu\": \"i7\", \"ram\": \"16GB\"}", true);
        V1_TEXTS.put("{\"numero_puertos\": 48, \"red\": {\"vlan\": [1, 2]}}", true);
        V1_TEXTS.put("  {}  ", true);
        V1_TEXTS.put("{cpu: i7}", false);
        V1_TEXTS.put("{\"ram\": \"8GB\"", false);
        V1_TEXTS.put("RAM 8GB, disco 256", false);
        V1_TEXTS.put("[\"i7\", \"16GB\"]", false);
        V1_TEXTS.put("42", false);
        V1_TEXTS.put("\"texto\"", false);
        V1_TEXTS.put("null", false);
        V1_TEXTS.put("", null);
        V1_TEXTS.put("   ", null);
        V1_TEXTS.put(null, null);
    }

    /** Written by an older release while V2 was in place (the sync triggers convert them). */
    private static final Map<String, Boolean> V2_TEXTS = new LinkedHashMap<>();

    static {
        V2_TEXTS.put("{\"modelo\": \"X1\"}", true);
        V2_TEXTS.put("{roto", false);
        V2_TEXTS.put("[1]", false);
        V2_TEXTS.put("\t", false); // btrim strips spaces only: a tab is kept in quarantine
    }

    private static Flyway flyway(TestDatabase.Scratch db, String target) {
        TestDatabase server = TestDatabase.get();
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), server.user(), server.password())
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static long categoria(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("INSERT INTO categorias (nombre) VALUES ('Legado') RETURNING id")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> insert(Connection c, long categoria, String prefix, Iterable<String> texts)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        int n = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO activos (codigo, categoria_id, nombre,"
                + " numero_serie, especificaciones) VALUES (?, ?, 'Legado', ?, ?) RETURNING id")) {
            for (String text : texts) {
                n++;
                insert.setString(1, prefix + "-" + n);
                insert.setLong(2, categoria);
                insert.setString(3, prefix + "-serie-" + n);
                insert.setString(4, text);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aV2DatabaseMigratesEveryValidTextAndQuarantinesEveryOther() throws Exception {
        try (TestDatabase.Scratch db = TestDatabase.get().scratch()) {
            flyway(db, "1").migrate();
            Map<Long, String> texts = new LinkedHashMap<>();
            Map<Long, Boolean> valid = new LinkedHashMap<>();
            try (Connection c = db.connect()) {
                long categoria = categoria(c);
                List<String> v1 = new ArrayList<>(V1_TEXTS.keySet());
                List<Long> ids = insert(c, categoria, "V1", v1);
                for (int i = 0; i < ids.size(); i++) {
                    texts.put(ids.get(i), v1.get(i));
                    valid.put(ids.get(i), V1_TEXTS.get(v1.get(i)));
                }
            }
            flyway(db, "2").migrate();
            try (Connection c = db.connect()) {
                long categoria = count(c, "SELECT id FROM categorias WHERE nombre = 'Legado'");
                List<String> v2 = new ArrayList<>(V2_TEXTS.keySet());
                List<Long> ids = insert(c, categoria, "V2", v2);
                for (int i = 0; i < ids.size(); i++) {
                    texts.put(ids.get(i), v2.get(i));
                    valid.put(ids.get(i), V2_TEXTS.get(v2.get(i)));
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT * FROM especificaciones_estado_migracion()")) {
                    rs.next();
                    assertThat(rs.getLong("discrepancias")).isZero();
                    assertThat(rs.getLong("sin_convertir")).isZero();
                }
            }
            long expectedValid =
                    valid.values().stream().filter(Boolean.TRUE::equals).count();
            long expectedInvalid =
                    valid.values().stream().filter(Boolean.FALSE::equals).count();
            assertThat(expectedValid).isEqualTo(4);
            assertThat(expectedInvalid).isEqualTo(10);

            flyway(db, "latest").migrate();

            try (Connection c = db.connect()) {
                assertThat(count(c, "SELECT count(*) FROM activos")).isEqualTo(texts.size());
                assertThat(count(c, "SELECT count(*) FROM especificaciones_cuarentena"))
                        .isEqualTo(expectedInvalid);
                assertThat(count(c, "SELECT count(*) FROM activos WHERE especificaciones <> '{}'"))
                        .isEqualTo(expectedValid - 1);
                assertThat(count(
                                c,
                                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'activos'"
                                        + " AND column_name LIKE 'especificaciones%'"))
                        .isEqualTo(1);
                try (PreparedStatement check = c.prepareStatement("SELECT a.especificaciones = CAST(? AS jsonb),"
                        + " a.especificaciones = '{}', q.texto_original FROM activos a"
                        + " LEFT JOIN especificaciones_cuarentena q ON q.activo_id = a.id WHERE a.id = ?")) {
                    for (Map.Entry<Long, String> row : texts.entrySet()) {
                        Boolean isValid = valid.get(row.getKey());
                        check.setString(1, Boolean.TRUE.equals(isValid) ? row.getValue() : "{}");
                        check.setLong(2, row.getKey());
                        try (ResultSet rs = check.executeQuery()) {
                            rs.next();
                            String label = "text " + row.getValue();
                            assertThat(rs.getBoolean(1)).as(label).isTrue();
                            if (Boolean.FALSE.equals(isValid)) {
                                assertThat(rs.getString(3)).as(label).isEqualTo(row.getValue());
                            } else {
                                assertThat(rs.getString(3)).as(label).isNull();
                            }
                        }
                    }
                }
                assertThat(count(c, "SELECT count(*) FROM flyway_schema_history WHERE NOT success"))
                        .isZero();
            }
        }
    }

    @Test
    void theContractStepRefusesAMismatchAndChangesNothing() throws Exception {
        try (TestDatabase.Scratch db = TestDatabase.get().scratch()) {
            flyway(db, "2.1").migrate(); // the state right before the contract
            long mismatched;
            try (Connection c = db.connect()) {
                long categoria = categoria(c);
                mismatched = insert(c, categoria, "M", List.of("{\"ram\": \"8GB\"}", "{\"ram\": \"4GB\"}"))
                        .get(0);
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE activos DISABLE TRIGGER activos_sincronizar_especificaciones");
                    s.execute("UPDATE activos SET especificaciones = '{\"ram\": \"16GB\"}' WHERE id = " + mismatched);
                    s.execute("ALTER TABLE activos ENABLE TRIGGER activos_sincronizar_especificaciones");
                }
            }
            long historyBefore;
            try (Connection c = db.connect()) {
                historyBefore = count(c, "SELECT count(*) FROM flyway_schema_history");
            }

            assertThatThrownBy(() -> flyway(db, "latest").migrate())
                    .hasStackTraceContaining("V3 precondition failed")
                    .hasStackTraceContaining(Long.toString(mismatched));

            try (Connection c = db.connect()) {
                assertThat(count(c, "SELECT count(*) FROM flyway_schema_history"))
                        .isEqualTo(historyBefore);
                assertThat(count(c, "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                        .isZero();
                assertThat(count(
                                c,
                                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'activos'"
                                        + " AND column_name IN ('especificaciones', 'especificaciones_json')"))
                        .isEqualTo(2);
                assertThat(count(
                                c,
                                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'activos'"
                                        + " AND column_name = 'especificaciones' AND data_type = 'text'"))
                        .isEqualTo(1);
                assertThat(
                                count(
                                        c,
                                        "SELECT count(*) FROM pg_trigger WHERE tgname = 'activos_sincronizar_especificaciones'"))
                        .isEqualTo(1);
                assertThat(count(c, "SELECT count(*) FROM activos")).isEqualTo(2);
            }
        }
    }
}
