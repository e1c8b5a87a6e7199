package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.inventarioti.importacion.LegadoQuirks.Estado;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The original's databases with every quirk, before, between and after its final migration,
 * imported from the live MariaDB and from the real mariadb-dump's file: the same result, every
 * row accounted for, nothing secret anywhere in the target or the log.
 */
class ImportacionLegadoTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void mariadb() {
        LegacyMariaDb.requireServer();
    }

    @ParameterizedTest
    @EnumSource(Estado.class)
    void liveAndDumpImportTheSameWithEveryRowAccountedForAndNoSecret(Estado estado) throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch live = TestDatabase.get().scratch();
                TestDatabase.Scratch fromDump = TestDatabase.get().scratch()) {
            LegadoQuirks.construir(legacy, estado);
            Path dump = legacy.dump(dir);
            var a = Destinos.desdeVivo(legacy, live, Destinos.opciones(false, LegadoQuirks.ADMIN));
            var b = Destinos.desdeDump(dump, fromDump, Destinos.opciones(false, LegadoQuirks.ADMIN));
            try (Connection x = live.connect();
                    Connection y = fromDump.connect()) {
                assertThat(Destinos.contenido(y)).isEqualTo(Destinos.contenido(x));
                for (var run : List.of(a, b)) {
                    assertThat(run.informe().cuadra()).as(run.informe().json()).isTrue();
                    run.informe()
                            .tablas()
                            .forEach(t -> assertThat(t.sinExplicar()).isZero());
                    String text = texto(run.informe());
                    for (String secret : LegadoQuirks.SECRETOS) {
                        assertThat(run.log()).doesNotContain(secret);
                        assertThat(text).doesNotContain(secret);
                        assertThat(run.informe().json()).doesNotContain(secret);
                    }
                }
                String everything = Destinos.todo(x) + Destinos.todo(y);
                for (String secret : LegadoQuirks.SECRETOS) {
                    assertThat(everything).doesNotContain(secret);
                }
                assertImported(x, a.informe(), estado);
            }
        }
    }

    private static String texto(Informe informe) {
        StringWriter out = new StringWriter();
        informe.imprimir(new PrintWriter(out, true));
        return out.toString();
    }

    private static void assertImported(Connection c, Informe informe, Estado estado) throws Exception {
        boolean post = estado == Estado.POST;
        assertThat(counts(informe, "usuarios")).containsExactly(5L, 5L, 0L, 0L);
        assertThat(counts(informe, "categorias")).containsExactly(7L, 7L, 0L, 0L);
        assertThat(counts(informe, "activos")).containsExactly(14L, post ? 12L : 11L, post ? 1L : 2L, 1L);
        assertThat(counts(informe, "mantenimientos")).containsExactly(8L, 6L, 0L, 2L);
        assertThat(informe.tabla("activos").motivos())
                .containsOnlyKeys("numero_serie collides with TI-000001's" + " (case and spaces ignored)");
        assertThat(informe.tabla("mantenimientos").rechazos())
                .extracting(Informe.Rechazo::id)
                .containsExactly("4", "5");

        assertThat(q(c, "SELECT string_agg(email || ':' || rol || ':' || enabled, ',' ORDER BY id) FROM usuarios"))
                .isEqualTo("admin@legacy.local:ADMIN:true,tecnico@legacy.local:TECNICO:true,"
                        + "intruso@legacy.local:TECNICO:true,sinrol@legacy.local:TECNICO:true,"
                        + "plano@legacy.local:TECNICO:false");
        assertThat(q(c, "SELECT password_hash FROM usuarios WHERE id = 1")).startsWith("{bcrypt}$2b$04$");
        assertThat(q(c, "SELECT nombre FROM usuarios WHERE id = 4")).isEqualTo("sinrol");
        assertThat(q(c, "SELECT created_at AT TIME ZONE 'UTC' FROM usuarios WHERE id = 1"))
                .isEqualTo("2020-05-06 12:08:09");
        assertThat(informe.usuarios())
                .extracting(Informe.Usuario::email, Informe.Usuario::rolOriginal, Informe.Usuario::rol)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("intruso@legacy.local", "administrador", "TECNICO"),
                        org.assertj.core.groups.Tuple.tuple("admin@legacy.local", "administrador", "ADMIN"));

        assertThat(spec(c, 1))
                .isEqualTo("{\"cpu\": \"i7\", \"ram\": \"16GB\", \"disco\": \"512GB SSD\","
                        + " \"service_tag\": \"ABC1\"}");
        assertThat(q(
                        c,
                        "SELECT codigo || ' ' || precio || ' ' || moneda || ' ' || bitlocker || ' ' || fecha_compra"
                                + " FROM activos WHERE id = 1"))
                .isEqualTo("TI-000001 1200.50 USD enabled 2020-01-15");
        assertThat(q(c, "SELECT estado FROM activos WHERE id = 2")).isEqualTo("En mantenimiento");
        assertThat(spec(c, 2)).isEqualTo("{\"cpu\": \"i5\", \"ram\": \"8GB\"}");
        assertThat(spec(c, 3)).isEqualTo("{\"cpu\": \"i5\", \"ram\": \"8GB\"}");
        assertThat(spec(c, 4)).isEqualTo("{\"pulgadas\": 24, \"resolucion\": \"1920x1080\"}");
        assertThat(q(
                        c,
                        "SELECT estado || '/' || c.nombre FROM activos a JOIN categorias c ON c.id = a.categoria_id"
                                + " WHERE a.id = 4"))
                .isEqualTo("Dado de baja/Monitor");
        assertThat(q(c, "SELECT estado FROM activos WHERE id = 5")).isEqualTo("Dado de baja");
        assertThat(q(c, "SELECT estado FROM activos WHERE id = 6")).isEqualTo("En reparación");
        if (post) {
            assertThat(q(c, "SELECT count(*) FROM especificaciones_cuarentena WHERE activo_id = 5"))
                    .isEqualTo("0");
        } else {
            assertThat(q(c, "SELECT motivo FROM especificaciones_cuarentena WHERE activo_id = 5"))
                    .startsWith("invalid JSON");
            assertThat(q(c, "SELECT texto_original FROM especificaciones_cuarentena WHERE activo_id = 5"))
                    .contains("\"cpu\": \"i5\"")
                    .contains(Secretos.RETIRADO);
        }
        assertThat(q(c, "SELECT motivo || ' ' || texto_original FROM especificaciones_cuarentena WHERE activo_id = 6"))
                .isEqualTo("JSON array is not an object [{\"cpu\":\"i3\"},{}]");
        assertThat(spec(c, 6)).isEqualTo("{}");
        assertThat(q(
                        c,
                        "SELECT estado || '|' || ubicacion || '|' || proveedor || '|' || fecha_compra FROM activos"
                                + " WHERE id = 7"))
                .isEqualTo("En mantenimiento|Bodega 2|Dell|2021-03-04");
        assertThat(spec(c, 7)).isEqualTo("{\"cpu\": \"i5\", \"ram\": \"8GB\"}");
        assertThat(spec(c, 8)).isEqualTo("{\"cpu\": \"Pentium\", \"ram\": \"4GB\", \"disco\": \"500GB\"}");
        assertThat(spec(c, 9)).isEqualTo("{\"numero_puertos\": 24}");
        assertThat(q(c, "SELECT count(*) FROM activos WHERE id = 10")).isEqualTo("0");
        assertThat(q(
                        c,
                        "SELECT c.nombre || '|' || estado || '|' || notas FROM activos a JOIN categorias c"
                                + " ON c.id = a.categoria_id WHERE a.id = 11"))
                .isEqualTo("Sin categoría|Activo|Estado en el sistema anterior: Obsoleto");
        assertThat(spec(c, 11)).isEqualTo("{\"etiqueta_vieja\": \"ETQ-11\"}");
        assertThat(q(
                        c,
                        "SELECT c.nombre || '|' || notas FROM activos a JOIN categorias c ON c.id = a.categoria_id"
                                + " WHERE a.id = 12"))
                .isEqualTo("Laptop|clave de recuperación " + Secretos.RETIRADO + " (mover)");
        assertThat(q(c, "SELECT c.nombre FROM activos a JOIN categorias c ON c.id = a.categoria_id WHERE a.id = 13"))
                .isEqualTo("Tablet");
        assertThat(q(c, "SELECT c.nombre FROM activos a JOIN categorias c ON c.id = a.categoria_id WHERE a.id = 14"))
                .isEqualTo("Teléfono");
        assertThat(informe.secretos().activos())
                .contains("TI-000002", "TI-000003", "TI-000008", "TI-000011", "TI-000012", "TI-000006")
                .anyMatch(s -> s.startsWith("TI-000003 (mantenimiento 8)"));

        assertThat(q(c, "SELECT estado || '|' || fecha_completado AT TIME ZONE 'UTC' FROM mantenimientos WHERE id = 1"))
                .isEqualTo("completado|2024-02-03 15:15:00");
        assertThat(q(c, "SELECT estado || '|' || notas FROM mantenimientos WHERE id = 3"))
                .isEqualTo("programado|ver garantía");
        assertThat(q(
                        c,
                        "SELECT coalesce(tecnico_id::text, 'none') || '|' || estado || '|' || notas FROM"
                                + " mantenimientos WHERE id = 6"))
                .isEqualTo("none|completado|Técnico en el sistema anterior: usuario 77");
        assertThat(q(c, "SELECT titulo || '|' || estado || '|' || notas FROM mantenimientos WHERE id = 8"))
                .isEqualTo("Mantenimiento preventivo|programado|nueva clave " + Secretos.RETIRADO
                        + "\nEstado en el sistema anterior: raro");
        assertThat(q(c, "SELECT tecnico_id FROM mantenimientos WHERE id = 2")).isEqualTo("2");

        assertThat(q(
                        c,
                        "SELECT string_agg(entidad || ':' || n, ',' ORDER BY entidad) FROM (SELECT entidad, count(*) n"
                                + " FROM auditoria WHERE accion = 'importar' AND despues->>'run_id' = '"
                                + informe.runId()
                                + "' GROUP BY entidad) t"))
                .isEqualTo("activo:13,categoria:2,mantenimiento:6,usuario:5");
        assertThat(q(c, "SELECT despues->>'origen' FROM auditoria WHERE entidad = 'activo' LIMIT 1"))
                .startsWith("legacy:");
        assertThat(q(c, "SELECT nextval(pg_get_serial_sequence('activos', 'id')) || ' ' || activos_siguiente_codigo()"))
                .isEqualTo("15 TI-000015");
        assertThat(q(c, "SELECT nextval(pg_get_serial_sequence('mantenimientos', 'id'))"))
                .isEqualTo("9");
        assertThat(q(c, "SELECT nextval(pg_get_serial_sequence('usuarios', 'id'))"))
                .isEqualTo("6");
    }

    private static List<Long> counts(Informe informe, String table) {
        Informe.Tabla t = informe.tabla(table);
        return List.of(t.leidas(), t.importadas(), t.cuarentena(), t.rechazadas());
    }

    private static String spec(Connection c, long id) throws Exception {
        return q(c, "SELECT especificaciones::text FROM activos WHERE id = " + id);
    }

    static String q(Connection c, String sql) throws Exception {
        return Destinos.estado(c, sql);
    }
}
