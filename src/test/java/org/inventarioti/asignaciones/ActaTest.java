package org.inventarioti.asignaciones;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Hand-over receipts: several assets at once (all or none), the PDFs opened and their text read, roles. */
@InventarioTest
class ActaTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Api tecnico;
    Api lector;
    long categoria;
    long persona;
    String nombre;

    @BeforeEach
    void setUp() {
        admin = new Api(mvc, users.create(Rol.ADMIN));
        tecnico = new Api(mvc, users.create(Rol.TECNICO));
        lector = new Api(mvc, users.create(Rol.LECTOR));
        categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        nombre = Api.unique("Íñigo Núñez");
        String numero = Api.unique("EMP");
        persona = Api.id(admin.post(
                "/api/personas",
                "{\"nombre\": \"" + nombre + "\", \"numero_empleado\": \"" + numero
                        + "\", \"area\": \"Contabilidad\", \"cargo\": \"Jefe de área\"}"));
    }

    private MvcTestResult activo(String serie, String estado) {
        MvcTestResult created = tecnico.post(
                "/api/activos",
                "{\"categoria_id\": " + categoria + ", \"nombre\": \"Portátil\", \"marca\": \"Lenovo\", \"modelo\":"
                        + " \"T14\", \"numero_serie\": \"" + serie + "\", \"estado\": \"" + estado
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}}");
        assertThat(created).hasStatus(201);
        return created;
    }

    private static String texto(MvcTestResult pdf) throws IOException {
        assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void severalAssetsHandedOverAtOnceGetOneReceiptAndTheReturnAnother() throws Exception {
        String serie1 = Api.unique("SN-A");
        String serie2 = Api.unique("SN-B");
        MvcTestResult a1 = activo(serie1, "En almacén");
        MvcTestResult a2 = activo(serie2, "Activo");
        long id1 = Api.id(a1);
        long id2 = Api.id(a2);
        MvcTestResult out = tecnico.post(
                "/api/asignaciones",
                "{\"activo_ids\": [" + id1 + ", " + id2 + "], \"persona_id\": " + persona
                        + ", \"condicion\": \"nuevo\", \"notas\": \"con cargador\"}");
        assertThat(out).hasStatus(201);
        long acta = ((Number) Api.read(out, "$.acta_id")).longValue();
        assertThat(Api.<List<Object>>read(out, "$.asignaciones")).hasSize(2);

        String entrega = texto(lector.get("/api/actas/" + acta + "/pdf"));
        assertThat(entrega)
                .contains(
                        "Acta de entrega de equipos", "Nº " + acta, "Recibe: " + nombre, "Contabilidad", "Jefe de área")
                .contains(Api.<String>read(a1, "$.codigo"), Api.<String>read(a2, "$.codigo"), serie1, serie2)
                .contains("Lenovo", "T14", "nuevo", "con cargador", "Firma", "Entrega:");

        MvcTestResult back = tecnico.post(
                "/api/asignaciones/devolucion",
                "{\"activo_ids\": [" + id1 + ", " + id2
                        + "], \"condicion\": \"dañado\", \"notas\": \"pantalla rota\"}");
        assertThat(back).hasStatus(200);
        long devolucion = ((Number) Api.read(back, "$.acta_id")).longValue();
        assertThat(devolucion).isNotEqualTo(acta);
        assertThat(texto(lector.get("/api/actas/" + devolucion + "/pdf")))
                .contains("Acta de devolución de equipos", "Devuelve: " + nombre, serie1, serie2, "dañado")
                .contains("pantalla rota", "Firma");
        assertThat(texto(mvc.get()
                        .uri("/actas/" + acta + "/pdf")
                        .with(Sesiones.de(users.create(Rol.LECTOR)))
                        .exchange()))
                .contains("Acta de entrega de equipos");
        assertThat(mvc.get()
                        .uri("/activos/" + Api.read(a1, "$.codigo") + "/custodia")
                        .with(Sesiones.de(users.create(Rol.LECTOR))))
                .bodyText()
                .contains("/actas/" + acta + "/pdf", "/actas/" + devolucion + "/pdf");
    }

    @Test
    void anOperationWithOneAssetThatBreaksARuleIsRefusedAsAWhole() {
        long bueno = Api.id(activo(Api.unique("SN-OK"), "Activo"));
        long baja = Api.id(activo(Api.unique("SN-BAJA"), "Dado de baja"));
        assertThat(tecnico.post(
                        "/api/asignaciones",
                        "{\"activo_ids\": [" + bueno + ", " + baja + "], \"persona_id\": " + persona
                                + ", \"condicion\": \"bueno\"}"))
                .hasStatus(409)
                .bodyText()
                .contains("Dado de baja");
        assertThat(tecnico.get("/api/activos/" + bueno + "/asignaciones"))
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(0);
        assertThat(tecnico.post(
                        "/api/asignaciones/devolucion", "{\"activo_ids\": [" + bueno + "], \"condicion\": \"bueno\"}"))
                .hasStatus(409);
        assertThat(tecnico.post(
                        "/api/asignaciones",
                        "{\"activo_ids\": [], \"persona_id\": " + persona + ", \"condicion\": \"bueno\"}"))
                .hasStatus(422);
        assertThat(lector.get("/api/actas/987654321/pdf")).hasStatus(404);
    }

    @Test
    void techniciansHandOverSeveralAtOnceAndEveryRoleReadsTheReceipt() {
        long id = Api.id(activo(Api.unique("SN-R"), "Activo"));
        String body = "{\"activo_ids\": [" + id + "], \"persona_id\": " + persona + ", \"condicion\": \"bueno\"}";
        assertThat(lector.post("/api/asignaciones", body)).hasStatus(403);
        assertThat(Api.anonymous(mvc).post("/api/asignaciones", body)).hasStatus(401);
        MvcTestResult out = admin.post("/api/asignaciones", body);
        assertThat(out).hasStatus(201);
        long acta = ((Number) Api.read(out, "$.acta_id")).longValue();
        String vuelta = "{\"activo_ids\": [" + id + "], \"condicion\": \"bueno\"}";
        assertThat(lector.post("/api/asignaciones/devolucion", vuelta)).hasStatus(403);
        assertThat(Api.anonymous(mvc).post("/api/asignaciones/devolucion", vuelta))
                .hasStatus(401);
        assertThat(tecnico.post("/api/asignaciones/devolucion", vuelta)).hasStatus(200);
        for (Api reader : new Api[] {admin, tecnico, lector}) {
            assertThat(reader.get("/api/actas/" + acta + "/pdf")).hasStatusOk();
        }
        assertThat(Api.anonymous(mvc).get("/api/actas/" + acta + "/pdf")).hasStatus(401);
    }
}
