package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.inventarioti.importacion.LegadoQuirks.Estado;
import org.inventarioti.ops.OpsFixtures;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview, the refusals and the all-or-nothing write of an import. */
class ImportacionCasosTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void mariadb() {
        LegacyMariaDb.requireServer();
    }

    @Test
    void theDryRunWritesNothingAndReportsExactlyWhatTheRealRunDoes() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch migrated = OpsFixtures.migrated(null);
                TestDatabase.Scratch empty = TestDatabase.get().scratch();
                TestDatabase.Scratch real = TestDatabase.get().scratch()) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            Path dump = legacy.dump(dir);
            String before;
            try (Connection c = migrated.connect()) {
                before = Destinos.todo(c);
            }
            var preview = Destinos.desdeDump(dump, migrated, Destinos.opciones(true, LegadoQuirks.ADMIN));
            var emptyPreview = Destinos.desdeVivo(legacy, empty, Destinos.opciones(true, LegadoQuirks.ADMIN));
            var run = Destinos.desdeDump(dump, real, Destinos.opciones(false, LegadoQuirks.ADMIN));
            try (Connection c = migrated.connect();
                    Connection e = empty.connect()) {
                assertThat(Destinos.todo(c)).isEqualTo(before);
                assertThat(Destinos.estado(e, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                        .isEqualTo("0");
            }
            assertThat(preview.informe().simulacion()).isTrue();
            assertThat(preview.informe().enDestino()).isEmpty();
            assertThat(preview.informe().tablas()).isEqualTo(run.informe().tablas());
            assertThat(preview.informe().decisiones()).isEqualTo(run.informe().decisiones());
            assertThat(preview.informe().usuarios()).isEqualTo(run.informe().usuarios());
            assertThat(preview.informe().secretos()).isEqualTo(run.informe().secretos());
            assertThat(emptyPreview.informe().tabla("activos"))
                    .isEqualTo(run.informe().tabla("activos"));
            assertThat(emptyPreview.informe().avisos()).anyMatch(a -> a.contains("no schema yet"));
            assertThat(preview.informe().json())
                    .contains("\"simulacion\" : true")
                    .contains("\"sin_explicar\" : 0")
                    .contains("\"rol_original\" : \"administrador\"");
        }
    }

    @Test
    void aSecondRunAndAnyNonEmptyTargetAreRefusedNamingWhatIsThere() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch target = TestDatabase.get().scratch();
                TestDatabase.Scratch withUser = OpsFixtures.migrated(null)) {
            LegadoQuirks.construir(legacy, Estado.POST);
            Destinos.desdeVivo(legacy, target, Destinos.opciones(false));
            String after;
            try (Connection c = target.connect()) {
                after = Destinos.todo(c);
            }
            assertThatThrownBy(() -> Destinos.desdeVivo(legacy, target, Destinos.opciones(false)))
                    .isInstanceOf(ImportacionRechazada.class)
                    .hasMessageContaining("is not empty")
                    .hasMessageContaining("activos: 13 rows")
                    .hasMessageContaining("usuarios: 5 rows")
                    .hasMessageContaining("nothing was changed");
            try (Connection c = target.connect();
                    Connection w = withUser.connect()) {
                assertThat(Destinos.todo(c)).isEqualTo(after);
                OpsFixtures.execute(
                        w,
                        "INSERT INTO usuarios (nombre, email, password_hash, rol)"
                                + " VALUES ('Ya', 'ya@aqui.local', '{noop}x', 'ADMIN')");
            }
            assertThatThrownBy(() -> Destinos.desdeVivo(legacy, withUser, Destinos.opciones(false)))
                    .hasMessageContaining("usuarios: 1 row)");
            var preview = Destinos.desdeVivo(legacy, withUser, Destinos.opciones(true));
            assertThat(preview.informe().avisos()).anyMatch(a -> a.contains("the real run would refuse it"));
        }
    }

    @Test
    void aRowFailingMidImportLeavesTheTargetAsItWas() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch target = OpsFixtures.migrated(null)) {
            LegadoQuirks.construir(legacy, Estado.PRE);
            String before;
            try (Connection c = target.connect()) {
                OpsFixtures.execute(c, """
                        CREATE FUNCTION falla_pc8() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.numero_serie = 'PC-0008' THEN RAISE EXCEPTION 'row 8 refused by the test'; END IF;
                            RETURN NEW;
                        END $$;
                        CREATE TRIGGER falla_pc8 BEFORE INSERT ON activos FOR EACH ROW EXECUTE FUNCTION falla_pc8();
                        """);
                before = Destinos.todo(c);
            }
            assertThatThrownBy(() -> Destinos.desdeVivo(legacy, target, Destinos.opciones(false)))
                    .isInstanceOf(ImportacionRechazada.class)
                    .hasMessageContaining("rolled back")
                    .hasMessageContaining("row 8 refused by the test");
            try (Connection c = target.connect()) {
                assertThat(Destinos.todo(c)).isEqualTo(before);
                assertThat(Destinos.estado(c, "SELECT count(*) FROM usuarios")).isEqualTo("0");
            }
        }
    }

    @Test
    void adminsMustExistAndTheDefaultRoleMayBeLector() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch target = TestDatabase.get().scratch()) {
            LegadoQuirks.construir(legacy, Estado.POST);
            assertThatThrownBy(() -> Destinos.desdeVivo(legacy, target, Destinos.opciones(false, "nadie@x.local")))
                    .hasMessageContaining("--admin nadie@x.local: no imported user has that email");
            try (Connection c = target.connect()) {
                assertThat(Destinos.estado(c, "SELECT count(*) FROM usuarios")).isEqualTo("0");
            }
            assertThatThrownBy(() -> new ImportacionLegado.Opciones(List.of(), "ADMIN", Destinos.ZONA, false))
                    .hasMessageContaining("TECNICO or LECTOR");
            var run = Destinos.desdeVivo(
                    legacy,
                    target,
                    new ImportacionLegado.Opciones(List.of("TECNICO@legacy.local"), "LECTOR", Destinos.ZONA, false));
            assertThat(run.informe().avisos()).noneMatch(a -> a.contains("no account is ADMIN"));
            try (Connection c = target.connect()) {
                assertThat(Destinos.estado(c, "SELECT string_agg(rol, ',' ORDER BY id) FROM usuarios"))
                        .isEqualTo("LECTOR,ADMIN,LECTOR,LECTOR,LECTOR");
            }
        }
    }

    @Test
    void aGzipDumpImportsLikeThePlainOne() throws Exception {
        try (LegacyMariaDb legacy = LegacyMariaDb.create();
                TestDatabase.Scratch plain = TestDatabase.get().scratch();
                TestDatabase.Scratch zipped = TestDatabase.get().scratch()) {
            LegadoQuirks.construir(legacy, Estado.ENTRE);
            Path dump = legacy.dump(dir);
            Path gz = dir.resolve("legacy.sql.gz");
            LegacyMariaDb.gzip(dump, gz);
            Destinos.desdeDump(dump, plain, Destinos.opciones(false));
            Destinos.desdeDump(gz, zipped, Destinos.opciones(false));
            try (Connection a = plain.connect();
                    Connection b = zipped.connect()) {
                assertThat(Destinos.contenido(b)).isEqualTo(Destinos.contenido(a));
            }
            Path cut = dir.resolve("cut.sql.gz");
            byte[] bytes = Files.readAllBytes(gz);
            Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> Destinos.desdeDump(cut, zipped, Destinos.opciones(true)))
                    .hasMessageContaining("truncated");
        }
    }
}
