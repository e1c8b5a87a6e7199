package org.inventarioti.notificaciones;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.support.TestUsers.TestUser;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-click unsubscribe (RFC 8058) and the preferences page: the link in each e-mail's headers and
 * text works without login and only for the user and kind it names; the page is the user's own.
 */
@InventarioTest
class BajaTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    NotificacionService notificaciones;

    @Autowired
    PreferenciasRepository preferencias;

    @Autowired
    TextosNotificacion textos;

    @Autowired
    BajaTokens tokens;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anEmailCarriesAOneClickLinkThatUnsubscribesItsUserFromItsKindOnly() throws Exception {
        TestUser tecnico = users.create(Rol.TECNICO);
        TestUser otro = users.create(Rol.TECNICO);
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
            canal.enviar(new Notificacion(
                    1,
                    "email",
                    tecnico.email(),
                    AvisosService.VENCE,
                    "Asunto",
                    "Cuerpo",
                    "c",
                    "pendiente",
                    0,
                    null,
                    null,
                    null,
                    null,
                    null));
            canal.enviar(new Notificacion(
                    2,
                    "email",
                    tecnico.email(),
                    "webhook.desactivado",
                    "Aviso",
                    "Cuerpo",
                    "d",
                    "pendiente",
                    0,
                    null,
                    null,
                    null,
                    null,
                    null));
            MimeMessage[] recibidos = smtp.getReceivedMessages();
            assertThat(recibidos).hasSize(2);
            String cabecera = recibidos[0].getHeader("List-Unsubscribe")[0];
            assertThat(cabecera)
                    .startsWith("<https://inventario.example.org/notificaciones/baja?t=")
                    .endsWith(">");
            assertThat(recibidos[0].getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            String enlace = cabecera.substring(1, cabecera.length() - 1);
            assertThat((String) recibidos[0].getContent()).contains(enlace);
            assertThat(recibidos[1].getHeader("List-Unsubscribe"))
                    .as("an administrator's notice has no unsubscribe")
                    .isNull();

            String ruta =
                    URI.create(enlace).getRawPath() + "?" + URI.create(enlace).getRawQuery();
            assertThat(mvc.get().uri(ruta)).hasStatusOk().bodyText().contains("form-baja");
            assertThat(preferencias.de(tecnico.id()).recibe(AvisosService.VENCE))
                    .as("GET only asks (mail scanners open links)")
                    .isTrue();
            assertThat(mvc.post()
                            .uri(ruta)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("List-Unsubscribe=One-Click"))
                    .as("anonymous, no CSRF token: the mail client's one-click POST")
                    .hasStatusOk()
                    .bodyText()
                    .contains("baja-hecho");
            assertThat(preferencias.de(tecnico.id()).desactivados()).containsExactly(AvisosService.VENCE);
            assertThat(preferencias.de(otro.id()).desactivados()).isEmpty();
            tx.executeWithoutResult(s -> {
                assertThat(notificaciones.encolarEmail(
                                tecnico.email(), AvisosService.VENCE, "A", "B", "x" + tecnico.id()))
                        .as("unsubscribed")
                        .isFalse();
                assertThat(notificaciones.encolarEmail(
                                tecnico.email(), AvisosService.VENCIDO, "A", "B", "y" + tecnico.id()))
                        .isTrue();
            });
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aForgedOrAlteredLinkUnsubscribesNobody() {
        TestUser victima = users.create(Rol.TECNICO);
        TestUser atacante = users.create(Rol.LECTOR);
        String suyo = tokens.token(atacante.id(), AvisosService.RESUMEN);
        String firma = suyo.substring(suyo.indexOf('.') + 1);
        String cambiado = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((victima.id() + ":" + AvisosService.RESUMEN).getBytes(StandardCharsets.UTF_8))
                + "." + firma;
        for (String t :
                List.of(cambiado, "nada", "", "x.y", suyo + "0", tokens.token(victima.id(), "webhook.desactivado"))) {
            assertThat(mvc.post().uri("/notificaciones/baja").param("t", t))
                    .as(t)
                    .hasStatus(400)
                    .bodyText()
                    .contains("baja-invalido");
        }
        assertThat(mvc.post().uri("/notificaciones/baja")).hasStatus(400);
        assertThat(preferencias.de(victima.id()).desactivados()).isEmpty();
    }

    @Test
    void eachSignedInUserSetsTheirOwnLanguageAndKinds() {
        for (Rol rol : Rol.values()) {
            TestUser u = users.create(rol);
            assertThat(mvc.get().uri("/cuenta/notificaciones").with(Sesiones.de(u)))
                    .as(rol.name())
                    .hasStatusOk()
                    .bodyText()
                    .contains("form-preferencias", "recibir-resumen.diario");
            assertThat(mvc.post()
                            .uri("/cuenta/notificaciones")
                            .with(Sesiones.de(u))
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .param("idioma", "en")
                            .param("recibir", AvisosService.VENCE, AvisosService.VENCIDO))
                    .as(rol.name())
                    .hasStatus3xxRedirection();
            assertThat(preferencias.de(u.id()).idioma()).isEqualTo("en");
            assertThat(preferencias.de(u.id()).desactivados())
                    .isEqualTo(Set.of(
                            AvisosService.GARANTIA,
                            AvisosService.RESUMEN,
                            "plan.generado",
                            AvisosDevoluciones.DEVOLUCION));
            assertThat(textos.idioma(u.id()).getLanguage()).isEqualTo("en");
        }
        assertThat(mvc.get().uri("/cuenta/notificaciones")).hasStatus3xxRedirection();
    }
}
