package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The run of a spreadsheet import: modes, all-or-nothing or skip, the audit event, the per-row report, the API and its roles. */
@InventarioTest
class ImportacionRunTest {

    @Autowired
    ImportacionArchivo importacion;

    @Autowired
    ActivoService activos;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @TempDir
    Path dir;

    Activo laptop(String serie) {
        return Portatiles.crear(activos, jdbc, json, serie);
    }

    String archivo(String existing, String a, String b) {
        return """
                numero_serie,nombre,categoria,ubicacion,spec.cpu,spec.ram,spec.password
                %1$s,Portátil %1$s,Laptop,Taller,i7,16GB,
                %2$s,Nuevo %2$s,Laptop,Sede,i5,8GB,
                %3$s,Nuevo %3$s,Laptop,Sede,i5,8GB,hunter2
                %3$s-B,Sin cpu,Laptop,Sede,,8GB,
                """.formatted(existing, a, b);
    }

    static List<List<String>> informe(Path report) throws Exception {
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(
                Files.newBufferedReader(report, StandardCharsets.UTF_8))) {
            return parser.getRecords().stream().map(r -> r.toList()).toList();
        }
    }

    @Test
    void formulaCellsAreKeptAsTextAndNeutralisedInTheReport() throws Exception {
        String a = Api.unique("FORMA");
        String b = Api.unique("FORMB");
        Path file = Hojas.csv(dir, "formulas.csv", StandardCharsets.UTF_8, false, """
                numero_serie,nombre,categoria,notas,spec.cpu,spec.ram
                %s,"=HYPERLINK(""http://example.invalid"",""x"")",Laptop,'=1+1,i7,16GB
                %s,@SUM(A1),Tostadora,+cmd,i7,16GB
                """.formatted(a, b));
        Path report = dir.resolve("informe-formulas.csv");
        ResultadoArchivo r = importacion.ejecutar(
                UUID.randomUUID(),
                file,
                "formulas.csv",
                new OpcionesArchivo(
                        OpcionesArchivo.Modo.AMBOS, OpcionesArchivo.Clave.NUMERO_SERIE, false, Map.of(), false),
                ImportacionArchivo.Progreso.NADA,
                report);

        assertThat(List.of(r.creadas(), r.rechazadas())).containsExactly(1L, 1L);
        assertThat(activos.porNumerosSerie(List.of(a))).singleElement().satisfies(x -> {
            assertThat(x.nombre()).isEqualTo("=HYPERLINK(\"http://example.invalid\",\"x\")");
            assertThat(x.notas())
                    .as("the apostrophe protecting a formula is dropped")
                    .isEqualTo("=1+1");
        });
        List<List<String>> rows = informe(report);
        assertThat(rows.get(1)).startsWith(a, "'=HYPERLINK(\"http://example.invalid\",\"x\")", "Laptop", "'=1+1");
        assertThat(rows.get(2)).startsWith(b, "'@SUM(A1)", "Tostadora", "'+cmd");
        assertThat(rows.stream().flatMap(List::stream))
                .as("no cell of the report would run as a formula")
                .noneMatch(cell -> !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
        try (Hoja again = Hoja.abrir(report, "informe.csv")) {
            List<String[]> read = new java.util.ArrayList<>();
            again.filas(read::add);
            assertThat(read.get(0)[1])
                    .as("the report reads back as the file's own values")
                    .isEqualTo("=HYPERLINK(\"http://example.invalid\",\"x\")");
        }
    }

    @Test
    void skippingErrorsWritesTheValidRowsAuditsTheRunAndReportsEveryRow() throws Exception {
        String existing = Api.unique("RUN");
        Activo before = laptop(existing);
        String a = Api.unique("RUNA");
        String b = Api.unique("RUNB");
        Path file = Hojas.csv(dir, "run.csv", StandardCharsets.UTF_8, false, archivo(existing, a, b));
        Path report = dir.resolve("informe.csv");
        UUID id = UUID.randomUUID();
        ResultadoArchivo r = importacion.ejecutar(
                id,
                file,
                "run.csv",
                new OpcionesArchivo(
                        OpcionesArchivo.Modo.AMBOS, OpcionesArchivo.Clave.NUMERO_SERIE, false, Map.of(), false),
                ImportacionArchivo.Progreso.NADA,
                report);

        assertThat(r.estado()).isEqualTo("completada");
        assertThat(List.of(r.filas(), r.creadas(), r.actualizadas(), r.sinCambios(), r.rechazadas()))
                .containsExactly(4L, 1L, 1L, 0L, 2L);
        assertThat(activos.buscar(before.id()).ubicacion()).isEqualTo("Taller");
        assertThat(activos.porNumerosSerie(List.of(a))).singleElement().satisfies(x -> {
            assertThat(x.nombre()).isEqualTo("Nuevo " + a);
            assertThat(x.especificaciones().get("ram").asString()).isEqualTo("8GB");
        });
        assertThat(activos.porNumerosSerie(List.of(b, b + "-B"))).isEmpty();

        Map<String, Object> event = jdbc.sql("SELECT accion, despues::text AS d FROM auditoria WHERE entidad ="
                        + " 'importacion' AND entidad_id = ?")
                .param(id.toString())
                .query()
                .singleRow();
        assertThat(event.get("accion")).isEqualTo("importacion_completada");
        assertThat((String) event.get("d"))
                .contains("\"archivo\": \"run.csv\"", "\"sha256\": \"" + InformeArchivo.sha256(file) + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria WHERE request_id = ? AND entidad = 'activo'")
                        .param("importacion:" + id)
                        .query(Long.class)
                        .single())
                .as("every written row is audited, tagged with the run")
                .isEqualTo(2L);
        assertThat(jdbc.sql("SELECT accion FROM importacion_activos WHERE importacion_id = ? ORDER BY accion")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("actualizar", "crear");

        List<List<String>> rows = informe(report);
        assertThat(rows.get(0)).endsWith("resultado_importacion", "problemas_importacion");
        assertThat(rows.get(0).get(0)).isEqualTo("\uFEFFnumero_serie");
        assertThat(rows.subList(1, 5))
                .extracting(row -> row.get(7))
                .containsExactly("actualizar", "crear", "rechazada", "rechazada");
        assertThat(rows.get(3).get(6))
                .as("a secret is not echoed in the report")
                .isEqualTo(Secretos.RETIRADO);
        assertThat(String.join(",", rows.stream().flatMap(List::stream).toList()))
                .doesNotContain("hunter2");
        assertThat(rows.get(4).get(8)).contains("spec.cpu");
    }

    @Test
    void allOrNothingWithARefusedRowWritesNothing() throws Exception {
        String existing = Api.unique("AON");
        Activo before = laptop(existing);
        String a = Api.unique("AONA");
        Path file = Hojas.csv(dir, "aon.csv", StandardCharsets.UTF_8, false, archivo(existing, a, Api.unique("AONB")));
        Path report = dir.resolve("informe.csv");
        long audit =
                jdbc.sql("SELECT count(*) FROM auditoria").query(Long.class).single();
        UUID id = UUID.randomUUID();
        ResultadoArchivo r = importacion.ejecutar(
                id, file, "aon.csv", OpcionesArchivo.previa().real(), ImportacionArchivo.Progreso.NADA, report);
        assertThat(r.estado()).isEqualTo("rechazada");
        assertThat(r.escrito()).isFalse();
        assertThat(List.of(r.creadas(), r.actualizadas(), r.rechazadas())).containsExactly(0L, 0L, 2L);
        assertThat(activos.buscar(before.id())).isEqualTo(before);
        assertThat(activos.porNumerosSerie(List.of(a))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM auditoria").query(Long.class).single())
                .as("only the import event")
                .isEqualTo(audit + 1);
        assertThat(jdbc.sql("SELECT estado FROM importaciones WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("rechazada");
        assertThat(informe(report).subList(1, 3))
                .extracting(row -> row.get(7))
                .containsExactly("no_escrita_actualizar", "no_escrita_crear");
    }

    MvcTestResult subir(Api api, String nombre, byte[] content, String... params) {
        var request = mvc.post()
                .uri("/api/importaciones")
                .multipart()
                .file(new MockMultipartFile("archivo", nombre, "text/csv", content));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return api.send(request);
    }

    @Test
    void theApiPreviewsRunsInTheBackgroundAndServesTheReport() throws Exception {
        Api tecnico = new Api(mvc, users.create(Rol.TECNICO));
        String a = Api.unique("API");
        byte[] csv = ("Número de serie;Nombre;Categoría;spec.cpu;spec.ram\n" + a + ";Equipo;Laptop;i7;16GB\n")
                .getBytes(HojaCsv.WINDOWS_1252);
        MvcTestResult preview = subir(tecnico, "C:\\Users\\ana\\equipos.csv", csv);
        assertThat(Api.status(preview)).isEqualTo(200);
        assertThat((Integer) Api.read(preview, "$.creadas")).isEqualTo(1);
        assertThat((String) Api.read(preview, "$.archivo")).isEqualTo("equipos.csv");
        assertThat((String) Api.read(preview, "$.formato")).contains("Windows-1252", "';'");
        assertThat(activos.porNumerosSerie(List.of(a))).isEmpty();

        MvcTestResult started = subir(tecnico, "equipos.csv", csv, "simulacion", "false", "errores", "omitir");
        assertThat(Api.status(started)).isEqualTo(202);
        String location = started.getResponse().getHeader("Location");
        String estado = "en_curso";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        MvcTestResult status = null;
        while (estado.equals("en_curso") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = tecnico.get(location);
            estado = Api.read(status, "$.estado");
        }
        assertThat(estado).isEqualTo("completada");
        assertThat((Integer) Api.read(status, "$.resultado.creadas")).isEqualTo(1);
        String actor = Api.read(status, "$.actor");
        assertThat(actor).isNotBlank().doesNotStartWith("cli:");
        assertThat(activos.porNumerosSerie(List.of(a)))
                .singleElement()
                .satisfies(x -> assertThat(x.createdBy()).isEqualTo(actor));
        MvcTestResult report = tecnico.get(location + "/informe");
        assertThat(Api.status(report)).isEqualTo(200);
        assertThat(report.getResponse().getHeader("Content-Disposition")).contains(".csv");
        String text = new String(
                new GZIPInputStream(
                                new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("Número de serie", a, "crear");

        MvcTestResult bad =
                subir(tecnico, "banco.csv", "Fecha,Importe\n2024-01-01,3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Api.status(bad)).isEqualTo(422);
        assertThat(Api.body(bad)).contains("no column of this file maps to an asset field");
        assertThat(Api.status(subir(tecnico, "x.csv", csv, "modo", "borrar"))).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Rol.class)
    void technicianAndAdminMayImportReadersMayNot(Rol rol) {
        Api api = new Api(mvc, users.create(rol));
        byte[] csv = ("numero_serie,nombre,categoria\n" + Api.unique("ROLE") + ",X,Laptop\n")
                .getBytes(StandardCharsets.UTF_8);
        int preview = Api.status(subir(api, "r.csv", csv));
        int status = Api.status(api.get("/api/importaciones/" + UUID.randomUUID()));
        if (rol == Rol.LECTOR) {
            assertThat(List.of(preview, status)).containsOnly(403);
        } else {
            assertThat(preview).isEqualTo(200);
            assertThat(status).isEqualTo(404);
        }
        assertThat(Api.status(subir(Api.anonymous(mvc), "r.csv", csv))).isEqualTo(401);
    }
}
