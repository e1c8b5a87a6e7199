package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inventarioti.jobs.Job;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The avisar-devoluciones job: each overdue check-out e-mails the person holding it and the
 * technicians and administrators once a day, in the linked user's language; returned, not yet due
 * and place check-outs write to no person; the unsubscribed and readers get nothing.
 */
@InventarioTest
class AvisosDevolucionesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<Job> jobs;

    @Autowired
    PreferenciasRepository preferencias;

    @Autowired
    TextosNotificacion textos;

    @Autowired
    BajaTokens tokens;

    final LocalDate hoy = LocalDate.now(ZoneOffset.UTC);
    TestUser admin;
    Api api;
    long categoria;

    @BeforeEach
    void setUp() {
        admin = users.create(Rol.ADMIN);
        api = new Api(mvc, admin);
        categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
    }

    private String run() throws Exception {
        return jobs.stream()
                .filter(j -> j.nombre().equals("avisar-devoluciones"))
                .findFirst()
                .orElseThrow()
                .ejecutar();
    }

    private List<Notificacion> correos(String email) {
        return jdbc.sql("SELECT * FROM ops_notificaciones WHERE canal = 'email' AND destino = ? ORDER BY id")
                .param(email)
                .query(Notificacion.class)
                .list();
    }

    private long persona(String email, Long usuarioId) {
        return Api.id(api.post(
                "/api/personas",
                "{\"nombre\": \"" + Api.unique("Luis Gil") + "\", \"email\": \"" + email + "\", \"usuario_id\": "
                        + usuarioId + "}"));
    }

    /** A new asset checked out to {@code destino}, then made due back on {@code prevista}; its code. */
    private String prestado(String destino, LocalDate prevista) {
        MvcTestResult created = api.post(
                "/api/activos",
                "{\"categoria_id\": " + categoria + ", \"nombre\": \"Portátil préstamo\", \"numero_serie\": \""
                        + Api.unique("DV") + "\", \"estado\": \"En almacén\", \"especificaciones\": {\"cpu\": \"i5\","
                        + " \"ram\": \"8GB\"}}");
        assertThat(created).hasStatus(201);
        long id = Api.id(created);
        assertThat(api.post(
                        "/api/activos/" + id + "/asignaciones",
                        "{" + destino + ", \"condicion\": \"bueno\", \"devolucion_prevista\": \"" + hoy.plusDays(3)
                                + "\"}"))
                .hasStatus(201);
        jdbc.sql("UPDATE asignaciones SET devolucion_prevista = ? WHERE activo_id = ?")
                .params(prevista, id)
                .update();
        return Api.read(api.get("/api/activos/" + id), "$.codigo");
    }

    @Test
    void anOverdueCheckOutEmailsItsPersonOnceADayAndNothingElseDoes() throws Exception {
        String email = Api.unique("luis") + "@empresa.test";
        long luis = persona(email, null);
        String vencido = prestado("\"persona_id\": " + luis, hoy.minusDays(3));
        String aTiempo = prestado("\"persona_id\": " + luis, hoy);
        String devuelto = prestado("\"persona_id\": " + luis, hoy.minusDays(5));
        long idDevuelto = jdbc.sql("SELECT id FROM activos WHERE codigo = ?")
                .param(devuelto)
                .query(Long.class)
                .single();
        assertThat(api.post("/api/activos/" + idDevuelto + "/devolucion", "{\"condicion\": \"bueno\"}"))
                .hasStatus(200);
        TestUser tecnico = users.create(Rol.TECNICO);
        TestUser baja = users.create(Rol.TECNICO);
        TestUser lector = users.create(Rol.LECTOR);
        preferencias.desactivar(baja.id(), AvisosDevoluciones.DEVOLUCION);

        assertThat(run()).doesNotStartWith("0 ");
        assertThat(run()).as("rerun the same day").isEqualTo("0 queued");

        List<Notificacion> suyos = correos(email);
        assertThat(suyos).singleElement().satisfies(n -> {
            assertThat(n.evento()).isEqualTo("devolucion.vencida");
            assertThat(n.asunto()).isEqualTo("Devolución vencida: " + vencido + " (Portátil préstamo)");
            assertThat(n.cuerpo()).contains(vencido, "lleva 3 días de retraso").doesNotContain(aTiempo, devuelto);
            assertThat(n.clave())
                    .isEqualTo("email:devolucion.vencida:"
                            + jdbc.sql(
                                            "SELECT s.id FROM asignaciones s JOIN activos a ON a.id = s.activo_id WHERE a.codigo = ?")
                                    .param(vencido)
                                    .query(Long.class)
                                    .single()
                            + ":" + hoy + ":persona");
        });
        for (TestUser staff : List.of(admin, tecnico)) {
            assertThat(correos(staff.email()))
                    .filteredOn(n -> n.asunto().contains(vencido)
                            || n.asunto().contains(aTiempo)
                            || n.asunto().contains(devuelto))
                    .singleElement()
                    .satisfies(n -> assertThat(n.asunto())
                            .startsWith("Devolución vencida: " + vencido)
                            .contains("a cargo de Luis Gil"));
        }
        assertThat(correos(baja.email())).as("unsubscribed").isEmpty();
        assertThat(correos(lector.email())).as("readers are not told").isEmpty();

        // delivered over real SMTP: the person has no account, so no unsubscribe link; staff have one
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            JavaMailSenderImpl mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(smtp.getSmtp().getPort());
            EmailCanal canal = new EmailCanal(
                    new StaticListableBeanFactory(Map.of("mail", mail)).getBeanProvider(JavaMailSender.class),
                    "inventario@test.local",
                    textos,
                    tokens,
                    "https://inventario.example.org");
            canal.enviar(suyos.get(0));
            canal.enviar(correos(tecnico.email()).get(0));
            MimeMessage[] recibidos = smtp.getReceivedMessages();
            assertThat(recibidos).hasSize(2);
            assertThat(recibidos[0].getAllRecipients()[0].toString()).isEqualTo(email);
            assertThat(recibidos[0].getSubject()).contains(vencido);
            assertThat(recibidos[0].getHeader("List-Unsubscribe")).isNull();
            assertThat((String) recibidos[0].getContent())
                    .contains("lleva 3 días")
                    .doesNotContain("baja");
            assertThat(recibidos[1].getHeader("List-Unsubscribe")).isNotNull();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aPlaceGetsNoEmailAPersonLinkedToAnEnglishUserReadsEnglishAndOneLinkedToAnUnsubscribedUserNothing()
            throws Exception {
        TestUser ingles = users.create(Rol.LECTOR);
        preferencias.guardar(ingles.id(), "en", Set.of());
        String email = Api.unique("sam") + "@empresa.test";
        long sam = persona(email, ingles.id());
        String suyo = prestado("\"persona_id\": " + sam, hoy.minusDays(1));
        TestUser deBaja = users.create(Rol.LECTOR);
        preferencias.desactivar(deBaja.id(), AvisosDevoluciones.DEVOLUCION);
        String emailDeBaja = Api.unique("eva") + "@empresa.test";
        prestado("\"persona_id\": " + persona(emailDeBaja, deBaja.id()), hoy.minusDays(2));
        String lugar = Api.unique("Almacén");
        long ubicacion = Api.id(api.post("/api/ubicaciones", "{\"nombre\": \"" + lugar + "\"}"));
        String enSala = prestado("\"ubicacion_id\": " + ubicacion, hoy.minusDays(4));

        run();

        assertThat(correos(email)).singleElement().satisfies(n -> {
            assertThat(n.asunto()).isEqualTo("Check-out overdue: " + suyo + " (Portátil préstamo)");
            assertThat(n.cuerpo()).contains("it is 1 day overdue");
        });
        assertThat(correos(emailDeBaja)).as("linked to a user who unsubscribed").isEmpty();
        long idEnSala = jdbc.sql(
                        "SELECT s.id FROM asignaciones s JOIN activos a ON a.id = s.activo_id WHERE a.codigo = ?")
                .param(enSala)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE clave LIKE ?")
                        .param("email:devolucion.vencida:" + idEnSala + ":%:persona")
                        .query(Long.class)
                        .single())
                .as("a place has nobody to write to")
                .isZero();
        assertThat(correos(admin.email()))
                .filteredOn(n -> n.asunto().contains(enSala))
                .singleElement()
                .satisfies(n -> assertThat(n.cuerpo()).contains("entregado a " + lugar, "lleva 4 días"));
    }
}
