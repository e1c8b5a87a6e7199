package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import org.inventarioti.config.Database;
import org.inventarioti.importacion.LegadoQuirks.Estado;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad source the issue names is refused with a reason, and the target is left untouched. */
class EntradasMalasTest {

    @TempDir
    Path dir;

    TestDatabase.Scratch target;

    @BeforeAll
    static void mariadb() {
        LegacyMariaDb.requireServer();
    }

    @BeforeEach
    void target() {
        target = TestDatabase.get().scratch();
    }

    @AfterEach
    void untouched() throws Exception {
        try (Connection c = target.connect()) {
            assertThat(Destinos.estado(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                    .as("the target stays untouched")
                    .isEqualTo("0");
        }
        target.close();
    }

    private Destinos.Corrida vivo(String url, String user, String password) {
        Database database = OpsFixtures.database(target);
        return new Destinos.Corrida(
                ImportacionLegado.desdeBaseDeDatos(
                        url,
                        user,
                        password,
                        database,
                        Destinos.opciones(false),
                        Destinos.migracion(database),
                        new java.io.PrintWriter(java.io.Writer.nullWriter())),
                "");
    }

    private void refusedDump(Path dump, String... reasons) {
        var refused = assertThatThrownBy(() -> Destinos.desdeDump(dump, target, Destinos.opciones(false)))
                .isInstanceOf(ImportacionRechazada.class);
        for (String reason : reasons) {
            refused.hasMessageContaining(reason);
        }
    }

    @Test
    void aFileThatIsNotADumpIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.sql"), "Hola, esto no es SQL.\n");
        refusedDump(text, "is not a mysqldump/mariadb-dump file");
        Path json = Files.writeString(dir.resolve("data.sql"), "{\"activos\": []}");
        refusedDump(json, "is not a mysqldump/mariadb-dump file");
        Path binary = Files.write(dir.resolve("image.sql"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        refusedDump(binary, "binary");
        Path sqlNoTables = Files.writeString(dir.resolve("set.sql"), "SET NAMES utf8mb4;\nSELECT 1;\n");
        refusedDump(sqlNoTables, "no CREATE TABLE");
        refusedDump(dir.resolve("missing.sql"), "does not exist");
        refusedDump(dir, "does not exist or is not a file");
    }

    @Test
    void aTruncatedDumpIsRefusedWhereverItWasCut() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create()) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            Path dump = legacy.dump(dir);
            String full = Files.readString(dump);
            int[] cuts = {
                full.indexOf("INSERT INTO `activos`") + 40,
                full.indexOf("CREATE TABLE `usuarios`") + 30,
                full.lastIndexOf("UNLOCK TABLES"),
                full.lastIndexOf("-- Dump completed") - 20
            };
            for (int cut : cuts) {
                Path truncated = Files.writeString(dir.resolve("cut-" + cut + ".sql"), full.substring(0, cut));
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                        () -> Destinos.desdeDump(truncated, target, Destinos.opciones(true)));
                assertThat(thrown)
                        .as("cut after ..." + full.substring(cut - 40, cut))
                        .isInstanceOf(ImportacionRechazada.class)
                        .hasMessageContaining("truncated");
            }
        }
    }

    @Test
    void aDumpOfAnotherApplicationIsRefusedNamingItsTables() throws Exception {
        try (LegacyMariaDb other = LegacyMariaDb.create()) {
            other.execute(
                    "CREATE TABLE wp_posts (ID BIGINT PRIMARY KEY, post_title TEXT)",
                    "CREATE TABLE wp_users (ID BIGINT PRIMARY KEY, user_login VARCHAR(60))",
                    "INSERT INTO wp_posts VALUES (1, 'Hello world')");
            refusedDump(other.dump(dir), "is not a database of the original Inventario-TI", "wp_posts");
            assertThatThrownBy(() -> Destinos.desdeVivo(other, target, Destinos.opciones(false)))
                    .hasMessageContaining("is not a database of the original Inventario-TI");
        }
    }

    @Test
    void anUnreachableOrUnreadableSourceIsRefused() throws Exception {
        assertThatThrownBy(() -> vivo("jdbc:mariadb://127.0.0.1:1/inventario", "root", ""))
                .hasMessageContaining("cannot connect to the source 127.0.0.1:1/inventario");
        assertThatThrownBy(() -> vivo("jdbc:postgresql://127.0.0.1/x", null, null))
                .hasMessageContaining("jdbc:mariadb://");
        try (LegacyMariaDb legacy = LegacyMariaDb.create()) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            String user = "legacy_import_ro_" + UUID.randomUUID().toString().substring(0, 8);
            LegacyMariaDb.admin("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'ro-password'");
            try {
                assertThatThrownBy(() -> vivo(legacy.url(), user, "ro-password"))
                        .hasMessageContaining("cannot connect to the source")
                        .hasMessageContaining("Access denied")
                        .hasMessageNotContaining("ro-password");
                LegacyMariaDb.admin("GRANT SELECT ON " + legacy.name + ".activos TO '" + user + "'@'%'");
                assertThatThrownBy(() -> vivo(legacy.url(), user, "ro-password"))
                        .hasMessageContaining("lacks the table(s) usuarios, categorias");
                assertThatThrownBy(() -> vivo(legacy.url(), "root", "wrong-password"))
                        .hasMessageContaining("Access denied")
                        .hasMessageNotContaining("wrong-password");
            } finally {
                LegacyMariaDb.admin("DROP USER '" + user + "'@'%'");
            }
        }
    }

    @Test
    void aMissingRequiredColumnIsRefusedAndExtraOrMissingOptionalOnesAreReported() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create()) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            legacy.execute("ALTER TABLE activos DROP COLUMN numero_serie", "ALTER TABLE usuarios DROP COLUMN password");
            assertThatThrownBy(() -> Destinos.desdeVivo(legacy, target, Destinos.opciones(true)))
                    .hasMessageContaining("lacks the column(s) usuarios.password, activos.numero_serie");
            refusedDump(legacy.dump(dir), "lacks the column(s) usuarios.password, activos.numero_serie");
        }
        try (LegacyMariaDb legacy = LegacyMariaDb.create()) {
            LegadoQuirks.construir(legacy, Estado.POST);
            legacy.execute(
                    "ALTER TABLE activos DROP COLUMN notas, DROP COLUMN bitlocker",
                    "ALTER TABLE usuarios ADD COLUMN telefono VARCHAR(20) DEFAULT '555'",
                    "DROP TABLE mantenimientos");
            var preview = Destinos.desdeVivo(legacy, target, Destinos.opciones(true));
            assertThat(preview.informe().decisiones())
                    .extracting(d -> d.de() + " -> " + d.a())
                    .contains(
                            "activos.notas absent -> left empty",
                            "activos.bitlocker absent -> left empty",
                            "unknown column usuarios.telefono -> reported, not imported",
                            "unknown column activos.pin_equipo -> kept in especificaciones as pin_equipo",
                            "table mantenimientos absent -> nothing to import from it");
            assertThat(preview.informe().cuadra()).isTrue();
            assertThat(preview.informe().tabla("activos").leidas()).isEqualTo(14);
        }
    }
}
