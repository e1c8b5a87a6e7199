package org.inventarioti.personas;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.ops.release.MigrationScripts;
import org.inventarioti.support.EstadoV2;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * V45 on a V2.1 database (production before the contract V3) holding messy free texts: people and
 * places made from the distinct texts (case, accents and spacing ignored; paths become the tree),
 * the ambiguous ones listed and left unlinked, and the trigger that keeps texts and links in sync.
 */
class MigracionCustodiaTest {

    @Test
    void messyFreeTextsBecomePeopleAndPlacesOnAV21Database() throws Exception {
        try (var db = TestDatabase.get().scratch();
                Connection c = db.connect()) {
            EstadoV2.crear(c, db.jdbcUrl(), "2.1", 1);
            try (var s = c.createStatement()) {
                s.execute("""
                        INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, responsable, ubicacion)
                        SELECT 'M-' || i, (SELECT min(id) FROM categorias), 'Equipo', 'SN-M-' || i, r, u
                        FROM (VALUES (1, 'José Pérez', 'Sala 204'), (2, '  jose   perez ', 'sala 204'),
                                     (3, 'JOSE PEREZ', 'Sede Central > Edificio B > Sala 204'),
                                     (4, 'Ana / Luis', 'Sede Central › Edificio B'), (5, 'Juan', 'Almacén'),
                                     (6, 'Juan Gómez', 'almacen'), (7, 'Juan Ruiz', NULL), (8, '   ', '  '),
                                     (9, 'María López', 'Sede Central>Edificio A>Piso 1'),
                                     (10, 'maria lopez', 'SEDE CENTRAL > edificio a > piso 1')) AS v(i, r, u)""");
            }
            MigrationScripts.withoutContracts(EstadoV2.flyway(db.jdbcUrl(), "latest"))
                    .migrate();

            assertThat(filas(c, "SELECT count(*) FROM flyway_schema_history WHERE version = '3'"))
                    .containsExactly("0");
            assertThat(filas(c, "SELECT nombre FROM personas ORDER BY nombre"))
                    .containsExactly("José Pérez", "Juan Gómez", "Juan Ruiz", "María López");
            assertThat(filas(c, "SELECT ubicaciones_ruta(id) FROM ubicaciones ORDER BY 1"))
                    .containsExactly(
                            "Almacén",
                            "Sede Central",
                            "Sede Central › Edificio A",
                            "Sede Central › Edificio A › Piso 1",
                            "Sede Central › Edificio B",
                            "Sede Central › Edificio B › Sala 204");
            Map<String, String> activos = new LinkedHashMap<>();
            try (var s = c.createStatement();
                    var rs = s.executeQuery("""
                            SELECT a.codigo, coalesce(p.nombre, '-') || ' | ' || coalesce(a.responsable, '-') || ' | '
                                   || coalesce(ubicaciones_ruta(a.ubicacion_id), '-') || ' | ' || coalesce(a.ubicacion, '-')
                            FROM activos a LEFT JOIN personas p ON p.id = a.persona_id
                            WHERE a.codigo LIKE 'M-%' ORDER BY a.id""")) {
                while (rs.next()) {
                    activos.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(activos)
                    .containsEntry("M-1", "José Pérez | José Pérez | - | Sala 204")
                    .containsEntry("M-2", "José Pérez | José Pérez | - | sala 204")
                    .containsEntry(
                            "M-3",
                            "José Pérez | José Pérez | Sede Central › Edificio B › Sala 204"
                                    + " | Sede Central › Edificio B › Sala 204")
                    .containsEntry("M-4", "- | Ana / Luis | Sede Central › Edificio B | Sede Central › Edificio B")
                    .containsEntry("M-5", "- | Juan | Almacén | Almacén")
                    .containsEntry("M-6", "Juan Gómez | Juan Gómez | Almacén | Almacén")
                    .containsEntry("M-7", "Juan Ruiz | Juan Ruiz | - | -")
                    .containsEntry(
                            "M-10",
                            "María López | María López | Sede Central › Edificio A › Piso 1"
                                    + " | Sede Central › Edificio A › Piso 1");
            assertThat(filas(c, "SELECT campo || ': ' || texto || ': ' || motivo FROM custodia_pendientes ORDER BY 1"))
                    .containsExactly(
                            "responsable: Ana / Luis: names several people",
                            "responsable: Juan: incomplete name: could be Juan Gómez, Juan Ruiz",
                            "ubicacion: Sala 204: the same name ends other paths: Sede Central › Edificio B › Sala 204",
                            "ubicacion: sala 204: the same name ends other paths: Sede Central › Edificio B › Sala 204");

            // The release before V45 writes only the texts: the trigger links (or unlinks) them.
            try (var s = c.createStatement()) {
                s.execute("UPDATE activos SET responsable = ' juan  RUIZ' WHERE codigo = 'M-5'");
                s.execute("UPDATE activos SET responsable = 'Nadie Conocido' WHERE codigo = 'M-6'");
                s.execute("UPDATE activos SET ubicacion = 'sede central > edificio a' WHERE codigo = 'M-7'");
                s.execute("UPDATE ubicaciones SET nombre = 'Edificio Alfa' WHERE nombre = 'Edificio A'");
                s.execute("UPDATE personas SET nombre = 'María López García' WHERE nombre = 'María López'");
            }
            assertThat(filas(c, """
                            SELECT codigo || ' ' || coalesce(persona_id::text, '-') || ' ' || coalesce(responsable, '-')
                                   || ' | ' || coalesce(ubicacion, '-')
                            FROM activos WHERE codigo IN ('M-5', 'M-6', 'M-7', 'M-9') ORDER BY id"""))
                    .satisfiesExactly(
                            m5 -> assertThat(m5).matches("M-5 [0-9]+ Juan Ruiz \\| Almacén"),
                            m6 -> assertThat(m6).isEqualTo("M-6 - Nadie Conocido | Almacén"),
                            m7 -> assertThat(m7).matches("M-7 [0-9]+ Juan Ruiz \\| Sede Central › Edificio Alfa"),
                            m9 -> assertThat(m9)
                                    .matches(
                                            "M-9 [0-9]+ María López García \\| Sede Central › Edificio Alfa › Piso 1"));
        }
    }

    private static List<String> filas(Connection c, String sql) throws Exception {
        List<String> filas = new java.util.ArrayList<>();
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                filas.add(rs.getString(1));
            }
        }
        return filas;
    }
}
