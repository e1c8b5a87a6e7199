package org.inventarioti.notificaciones;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail over SMTP through Spring's mail support ({@code MAIL_*} → {@code spring.mail.*}). */
@Component
class EmailCanal implements Canal {

    private final ObjectProvider<JavaMailSender> sender;
    private final String remitente;

    EmailCanal(
            ObjectProvider<JavaMailSender> sender,
            @Value("${inventario.mail.from:inventario@localhost}") String remitente) {
        this.sender = sender;
        this.remitente = remitente;
    }

    @Override
    public String nombre() {
        return Notificacion.EMAIL;
    }

    @Override
    public void enviar(Notificacion n) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("no SMTP server configured (MAIL_HOST)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(remitente);
        message.setTo(n.destino());
        message.setSubject(n.asunto());
        message.setText(n.cuerpo());
        mail.send(message);
    }
}
