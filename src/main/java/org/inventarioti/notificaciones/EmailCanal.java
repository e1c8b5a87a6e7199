package org.inventarioti.notificaciones;

import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.inventarioti.usuarios.UsuarioView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * E-mail over SMTP through Spring's mail support ({@code MAIL_*} → {@code spring.mail.*}). A kind
 * a user can unsubscribe from carries the one-click unsubscribe link of RFC 8058 — in the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers and at the foot of the text.
 */
@Component
class EmailCanal implements Canal {

    static final String BAJA = "/notificaciones/baja";

    private final ObjectProvider<JavaMailSender> sender;
    private final String remitente;
    private final TextosNotificacion textos;
    private final BajaTokens tokens;
    private final String urlPublica;

    EmailCanal(
            ObjectProvider<JavaMailSender> sender,
            @Value("${inventario.mail.from:inventario@localhost}") String remitente,
            TextosNotificacion textos,
            BajaTokens tokens,
            @Value("${inventario.notificaciones.url-publica:http://localhost:8080}") String urlPublica) {
        this.sender = sender;
        this.remitente = remitente;
        this.textos = textos;
        this.tokens = tokens;
        this.urlPublica = urlPublica;
    }

    @Override
    public String nombre() {
        return Notificacion.EMAIL;
    }

    @Override
    public void enviar(Notificacion n) throws Exception {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("no SMTP server configured (MAIL_HOST)");
        }
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(remitente);
        helper.setTo(n.destino());
        helper.setSubject(n.asunto());
        String texto = n.cuerpo();
        UsuarioView usuario = PreferenciasRepository.TIPOS.contains(n.evento()) && tokens.disponible()
                ? textos.porEmail(n.destino()).orElse(null)
                : null;
        if (usuario != null) {
            String enlace = UriComponentsBuilder.fromUriString(urlPublica)
                    .path(BAJA)
                    .queryParam("t", tokens.token(usuario.id(), n.evento()))
                    .build()
                    .toUriString();
            Locale idioma = textos.idioma(usuario.id());
            texto += "\n\n-- \n"
                    + textos.texto(idioma, "notificacion.baja.pie", enlace, urlPublica + "/cuenta/notificaciones");
            message.setHeader("List-Unsubscribe", "<" + enlace + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        helper.setText(texto);
        mail.send(message);
    }
}
