package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook subscriptions delivering to a real HTTP receiver (the JDK's HttpServer): only the
 * events subscribed, in each format, signed with each one's secret; after N failures in a row a
 * subscription is disabled and the administrators get an e-mail (GreenMail); enabled again, what
 * waited is delivered.
 */
@InventarioTest
class WebhookEntregaTest {

    @Autowired
    NotificacionRepository repository;

    @Autowired
    TextosNotificacion textos;

    @Autowired
    BajaTokens bajaTokens;

    @Autowired
    WebhookRepository webhooks;

    @Autowired
    AuditoriaService auditoria;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TestUsers users;

    HttpServer server;
    GreenMail smtp;
    final AtomicInteger estado = new AtomicInteger(200);
    final ConcurrentLinkedDeque<String[]> recibidos = new ConcurrentLinkedDeque<>();
    WebhookService servicio;
    NotificacionService notificaciones;
    String base;

    /** When this test began (the database's clock): its own notifications are the ones created since. */
    java.time.OffsetDateTime inicio;

    @BeforeEach
    void setUp() throws Exception {
        // Other tests' pending notifications share the database: parked, so each delivery batch
        // (at most 100, oldest due first) reaches this test's ones however many the suite left.
        inicio = jdbc.sql("SELECT now()").query(java.time.OffsetDateTime.class).single();
        jdbc.sql("UPDATE ops_notificaciones SET proximo_intento = now() + interval '1 day' WHERE estado = 'pendiente'")
                .update();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            recibidos.add(new String[] {
                exchange.getRequestURI().getPath(),
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst(WebhookCanal.FIRMA)
            });
            exchange.sendResponseHeaders(estado.get(), -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        servicio = new WebhookService(webhooks, auditoria, true);
        notificaciones = new NotificacionService(
                repository,
                webhooks,
                textos,
                List.of(
                        new EmailCanal(
                                new org.springframework.beans.factory.support.StaticListableBeanFactory(
                                                Map.of("mail", mail))
                                        .getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class),
                                "inventario@test.local",
                                textos,
                                bajaTokens,
                                "http://localhost"),
                        new WebhookCanal(webhooks, "", true)),
                json,
                auditoria,
                java.time.Clock.systemUTC(),
                10,
                3,
                java.time.Duration.ofMinutes(1),
                tx);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        smtp.stop();
        jdbc.sql("DELETE FROM ops_notificaciones WHERE webhook_id IN (SELECT id FROM ops_webhooks WHERE url LIKE ?)")
                .param(base + "%")
                .update();
        jdbc.sql("DELETE FROM ops_webhooks WHERE url LIKE ?").param(base + "%").update();
    }

    private Webhook.ConSecreto suscribir(String path, List<String> eventos, String formato) {
        return servicio.crear(new Webhook.Peticion(path, base + path, eventos, formato));
    }

    private void evento(String evento, String clave) {
        tx.executeWithoutResult(
                s -> notificaciones.encolarEvento(evento, Map.of("plan_id", 7, "titulo", "UPS"), clave));
    }

    private void vencerTodo() {
        jdbc.sql("UPDATE ops_notificaciones SET proximo_intento = now() WHERE estado = 'pendiente' AND creada_en >= ?")
                .param(inicio)
                .update();
    }

    private List<String[]> en(String path) {
        return recibidos.stream().filter(r -> r[0].equals(path)).toList();
    }

    @Test
    void eachSubscriptionGetsItsEventsInItsFormatSignedWithItsSecret() throws Exception {
        Webhook.ConSecreto plano = suscribir("/json", List.of("plan.generado"), null);
        Webhook.ConSecreto slack = suscribir("/slack", null, "slack");
        Webhook.ConSecreto teams = suscribir("/teams", List.of("*"), "teams");
        suscribir("/otro", List.of("backup.fallido"), null);
        String clave = Api.unique("fmt");

        evento("plan.generado", clave);
        evento("plan.generado", clave); // queued once per subscription
        notificaciones.entregar();
        notificaciones.entregar();

        assertThat(en("/otro")).as("not subscribed to plan.generado").isEmpty();
        List<String[]> j = en("/json");
        assertThat(j).hasSize(1);
        JsonNode body = json.readTree(j.get(0)[1]);
        assertThat(body.get("evento").asString()).isEqualTo("plan.generado");
        assertThat(body.get("clave").asString()).isEqualTo(clave);
        assertThat(body.get("datos").get("plan_id").asInt()).isEqualTo(7);
        assertThat(j.get(0)[2])
                .isEqualTo(
                        "sha256=" + WebhookCanal.firma(plano.secreto(), j.get(0)[1].getBytes(StandardCharsets.UTF_8)));
        List<String[]> s = en("/slack");
        assertThat(s).hasSize(1);
        assertThat(json.readTree(s.get(0)[1]).get("text").asString())
                .isEqualTo("[Inventario-TI] plan.generado: plan_id=7, titulo=UPS");
        assertThat(s.get(0)[2])
                .isEqualTo(
                        "sha256=" + WebhookCanal.firma(slack.secreto(), s.get(0)[1].getBytes(StandardCharsets.UTF_8)));
        List<String[]> t = en("/teams");
        assertThat(t).hasSize(1);
        JsonNode card = json.readTree(t.get(0)[1]).get("attachments").get(0);
        assertThat(card.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(card.get("content").get("body").get(0).get("text").asString())
                .contains("plan.generado");
        assertThat(teams.secreto()).isNotEqualTo(slack.secreto()).isNotEqualTo(plano.secreto());
    }

    @Test
    void aSubscriptionFailingThreeTimesInARowIsDisabledAdminsAreToldAndReEnablingDeliversWhatWaited() throws Exception {
        var admin = users.create(Rol.ADMIN);
        Webhook.ConSecreto roto = suscribir("/roto", List.of("plan.generado"), null);
        long id = roto.webhook().id();
        estado.set(503);
        String clave = Api.unique("falla");
        evento("plan.generado", clave);
        for (int i = 0; i < 3; i++) {
            notificaciones.entregar();
            vencerTodo();
        }
        assertThat(en("/roto")).hasSize(3);
        Webhook desactivado = webhooks.buscar(id).orElseThrow();
        assertThat(desactivado.activo()).isFalse();
        assertThat(desactivado.fallosSeguidos()).isEqualTo(3);
        assertThat(desactivado.motivoDesactivacion()).contains("HTTP 503");

        evento("plan.generado", clave + "-b"); // a disabled subscription is not queued for
        notificaciones.entregar();
        notificaciones.entregar();
        assertThat(en("/roto")).as("nothing sent while disabled").hasSize(3);
        List<MimeMessage> avisos = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(admin.email());
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
        assertThat(avisos).hasSize(1);
        assertThat(avisos.get(0).getSubject()).isEqualTo("Webhook desactivado: /roto");
        assertThat(((String) avisos.get(0).getContent()))
                .contains("3 entregas fallidas")
                .contains("POST /api/webhooks/" + id + "/activar")
                .doesNotContain(roto.secreto());

        estado.set(200);
        servicio.activar(id);
        notificaciones.entregar();
        assertThat(en("/roto")).hasSize(4);
        assertThat(json.readTree(en("/roto").get(3)[1]).get("clave").asString()).isEqualTo(clave);
        Webhook activo = webhooks.buscar(id).orElseThrow();
        assertThat(activo.activo()).isTrue();
        assertThat(activo.fallosSeguidos()).isZero();
        assertThat(jdbc.sql("SELECT estado FROM ops_notificaciones WHERE clave = ?")
                        .param("webhook:" + id + ":" + clave)
                        .query(String.class)
                        .single())
                .isEqualTo("enviada");
    }

    @Test
    void theWebhookOfTheOldPropertiesIsImportedOnceKeepingItsSecret() {
        jdbc.sql(
                        "DELETE FROM ops_notificaciones WHERE webhook_id IN (SELECT id FROM ops_webhooks WHERE origen = 'propiedades')")
                .update();
        jdbc.sql("DELETE FROM ops_webhooks WHERE origen = 'propiedades'").update();
        assertThat(servicio.importar(base + "/viejo", "s3cr3t-viejo")).isTrue();
        assertThat(servicio.importar(base + "/viejo", "s3cr3t-viejo")).isFalse();
        assertThat(servicio.importar("", "x")).isFalse();
        Webhook w = servicio.listar().stream()
                .filter(x -> x.origen().equals("propiedades"))
                .findFirst()
                .orElseThrow();
        assertThat(w.url()).isEqualTo(base + "/viejo");
        assertThat(w.eventos()).containsExactly("*");
        assertThat(webhooks.destino(w.id()).orElseThrow().secreto()).isEqualTo("s3cr3t-viejo");
    }
}
