package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against real servers: an in-process SMTP server (GreenMail) and an in-process HTTP
 * receiver (the JDK's HttpServer). Nothing is lost while they are down, nothing is sent twice.
 */
@InventarioTest
class NotificacionEntregaTest {

    @Autowired
    NotificacionRepository repository;

    @Autowired
    NotificacionService applicationService;

    @Autowired
    WebhookRepository webhookRepository;

    @Autowired
    TextosNotificacion textos;

    @Autowired
    BajaTokens bajaTokens;

    @Autowired
    org.inventarioti.auditoria.AuditoriaService auditoria;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private NotificacionService service(JavaMailSender mail, String webhook, boolean permitirPrivadas, int intentos) {
        return service(mail, permitirPrivadas, intentos, 5);
    }

    private NotificacionService service(JavaMailSender mail, boolean permitirPrivadas, int intentos, int fallos) {
        ObjectProvider<JavaMailSender> provider =
                new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("mail", mail))
                        .getBeanProvider(JavaMailSender.class);
        return new NotificacionService(
                repository,
                webhookRepository,
                textos,
                List.of(
                        new EmailCanal(provider, "inventario@test.local", textos, bajaTokens, "http://localhost"),
                        new WebhookCanal(webhookRepository, "s3cr3t-de-prueba", permitirPrivadas)),
                json,
                auditoria,
                Clock.systemUTC(),
                intentos,
                fallos,
                java.time.Duration.ofMinutes(1),
                tx);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static JavaMailSenderImpl mailSender(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "2000");
        mail.setJavaMailProperties(props);
        return mail;
    }

    private Notificacion fila(String clave) {
        return jdbc.sql("SELECT id, canal, destino, evento, asunto, cuerpo, clave, estado, intentos, proximo_intento,"
                        + " ultimo_error, creada_en, enviada_en, webhook_id FROM ops_notificaciones WHERE clave = ?")
                .param(clave)
                .query(Notificacion.class)
                .single();
    }

    private void vencer(String clave) {
        jdbc.sql("UPDATE ops_notificaciones SET proximo_intento = now() WHERE clave = ?")
                .param(clave)
                .update();
    }

    @Test
    void anEmailWaitsWhileSmtpIsDownAndIsSentOnceWhenItIsBack() throws Exception {
        int port = freePort();
        NotificacionService service = service(mailSender(port), "", false, 10);
        String destino = Api.unique("tecnico").toLowerCase() + "@test.local";
        String clave = Api.unique("aviso");
        tx.executeWithoutResult(s -> {
            assertThat(service.encolarEmail(destino, "prueba", "Asunto ñ", "Cuerpo del aviso", clave))
                    .isTrue();
            assertThat(service.encolarEmail(destino, "prueba", "Asunto ñ", "Cuerpo del aviso", clave))
                    .as("the same clave is queued once")
                    .isFalse();
        });

        service.entregar(); // SMTP down: kept, retried later
        Notificacion waiting = fila("email:" + clave);
        assertThat(waiting.estado()).isEqualTo(Notificacion.PENDIENTE);
        assertThat(waiting.intentos()).isEqualTo(1);
        assertThat(waiting.ultimoError()).isNotBlank();
        assertThat(waiting.proximoIntento()).isAfter(OffsetDateTime.now().plusSeconds(30));
        service.entregar();
        assertThat(fila("email:" + clave).intentos())
                .as("not retried before its back-off")
                .isEqualTo(1);

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            vencer("email:" + clave);
            service.entregar();
            service.entregar();
            vencer("email:" + clave);
            service.entregar();
            List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> {
                        try {
                            return m.getAllRecipients()[0].toString().equals(destino);
                        } catch (Exception e) {
                            return false;
                        }
                    })
                    .toList();
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).getSubject()).isEqualTo("Asunto ñ");
            assertThat(((String) mine.get(0).getContent()).strip()).isEqualTo("Cuerpo del aviso");
            Notificacion sent = fila("email:" + clave);
            assertThat(sent.estado()).isEqualTo(Notificacion.ENVIADA);
            assertThat(sent.intentos()).isEqualTo(2);
            assertThat(sent.enviadaEn()).isNotNull();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aWebhookIsSignedRetriedAfterAFailureAndNeverSentTwice() throws Exception {
        ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>(List.of(500, 200));
        ConcurrentLinkedDeque<String[]> received = new ConcurrentLinkedDeque<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new String[] {
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst(WebhookCanal.FIRMA),
                exchange.getRequestHeaders().getFirst(WebhookCanal.EVENTO)
            });
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            NotificacionService service = service(mailSender(1), url, true, 10);
            Webhook.ConSecreto hook = new WebhookService(webhookRepository, auditoria, true)
                    .crear(new Webhook.Peticion("prueba", url, List.of("plan.generado"), null));
            String clave = Api.unique("evento");
            String claveFila = "webhook:" + hook.webhook().id() + ":" + clave;
            try {
                tx.executeWithoutResult(
                        s -> assertThat(service.encolarEvento("plan.generado", Map.of("generados", 3), clave))
                                .isTrue());
                service.entregar();
                assertThat(fila(claveFila).estado()).isEqualTo(Notificacion.PENDIENTE);
                assertThat(fila(claveFila).ultimoError()).contains("HTTP 500");
                vencer(claveFila);
                service.entregar();
                vencer(claveFila);
                service.entregar();
            } finally {
                webhookRepository.eliminar(hook.webhook().id());
            }
            List<String[]> mine =
                    received.stream().filter(r -> r[0].contains(clave)).toList();
            assertThat(mine).hasSize(2);
            String[] last = mine.get(1);
            assertThat(last[2]).isEqualTo("plan.generado");
            assertThat(last[1])
                    .isEqualTo(
                            "sha256=" + WebhookCanal.firma(hook.secreto(), last[0].getBytes(StandardCharsets.UTF_8)));
            assertThat(json.readTree(last[0]).get("datos").get("generados").asInt())
                    .isEqualTo(3);
            assertThat(fila(claveFila).estado()).isEqualTo(Notificacion.ENVIADA);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void afterTheLastAttemptANotificationIsMarkedFailed() throws Exception {
        NotificacionService service = service(mailSender(freePort()), "", false, 2);
        String clave = Api.unique("rinde");
        tx.executeWithoutResult(s -> service.encolarEmail("x@test.local", "prueba", "A", "B", clave));
        service.entregar();
        vencer("email:" + clave);
        service.entregar();
        assertThat(fila("email:" + clave).estado()).isEqualTo(Notificacion.FALLIDA);
        assertThat(fila("email:" + clave).intentos()).isEqualTo(2);
    }

    @Test
    void retryingAFailedOneWhenItsReceiverIsBackDeliversItOnce() throws Exception {
        int port = freePort();
        NotificacionService service = service(mailSender(port), "", false, 1);
        String destino = Api.unique("reintento").toLowerCase() + "@test.local";
        String clave = Api.unique("reintento");
        tx.executeWithoutResult(s -> service.encolarEmail(destino, "prueba", "Reintento", "Cuerpo", clave));
        service.entregar();
        Notificacion fallida = fila("email:" + clave);
        assertThat(fallida.estado()).isEqualTo(Notificacion.FALLIDA);

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Notificacion reintentada = service.reintentar(fallida.id());
            assertThat(reintentada.estado()).isEqualTo(Notificacion.ENVIADA);
            assertThat(reintentada.intentos()).isEqualTo(2);
            assertThat(reintentada.ultimoError()).isNull();
            assertThatThrownBy(() -> service.reintentar(fallida.id()))
                    .as("a sent one is not sent again")
                    .isInstanceOf(org.inventarioti.errors.ConflictException.class);
            service.entregar();
            assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                        try {
                            return m.getAllRecipients()[0].toString().equals(destino);
                        } catch (Exception e) {
                            return false;
                        }
                    }))
                    .hasSize(1);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aNotificationExistsOnlyIfItsEventCommitted() {
        String clave = Api.unique("rollback");
        tx.executeWithoutResult(s -> {
            applicationService.encolarEmail("x@test.local", "prueba", "A", "B", clave);
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM ops_notificaciones WHERE clave = ?")
                        .param("email:" + clave)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> applicationService.encolarEmail("x@test.local", "prueba", "A", "B", clave))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void webhookUrlsThatAreNotHttpOrPointInsideAreRefused() {
        for (String url : List.of(
                "ftp://example.org/x",
                "file:///etc/passwd",
                "http://127.0.0.1:8080/x",
                "http://[::1]/x",
                "http://10.1.2.3/x",
                "http://192.168.1.1/x",
                "http://172.16.0.1/x",
                "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/x",
                "http://[fd00::1]/x",
                "http://user:pw@203.0.113.9/x",
                "not a url")) {
            assertThatThrownBy(() -> WebhookCanal.comprobar(url, false))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(WebhookCanal.comprobar("https://203.0.113.9/hook", false)).hasHost("203.0.113.9");
        assertThat(WebhookCanal.comprobar("http://127.0.0.1:9/hook", true)).hasPort(9);
        assertThatThrownBy(() -> WebhookCanal.comprobar("gopher://127.0.0.1/", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
