package org.inventarioti.ops.preflight;

import java.util.Optional;
import java.util.Properties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * The preflight check of the SMTP settings ({@code SPRING_MAIL_*}), when mail is configured: the
 * server answers and, with a user name, accepts the credentials. Never prints the password.
 */
final class MailCheck {

    private MailCheck() {}

    static Optional<PreflightCheck> check(Environment environment) {
        String host = environment.getProperty("spring.mail.host");
        if (!StringUtils.hasText(host)) {
            return Optional.empty();
        }
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(host);
        mail.setPort(environment.getProperty("spring.mail.port", Integer.class, 25));
        String user = environment.getProperty("spring.mail.username");
        String password = environment.getProperty("spring.mail.password");
        if (StringUtils.hasText(user)) {
            mail.setUsername(user);
            mail.setPassword(password);
        }
        String protocol = environment.getProperty("spring.mail.protocol", "smtp");
        mail.setProtocol(protocol);
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "5000");
        props.put("mail." + protocol + ".timeout", "5000");
        if (StringUtils.hasText(user)) {
            props.put("mail." + protocol + ".auth", "true");
        }
        String starttls = environment.getProperty("spring.mail.properties.mail.smtp.starttls.enable");
        if (starttls != null) {
            props.put("mail.smtp.starttls.enable", starttls);
        }
        mail.setJavaMailProperties(props);
        String where = host + ":" + mail.getPort();
        try {
            mail.testConnection();
            return Optional.of(PreflightCheck.ok(
                    "mail",
                    "SMTP " + where + " answers" + (StringUtils.hasText(user) ? ", signed in as " + user : "")));
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (StringUtils.hasText(password)) {
                message = message.replace(password, "<hidden>");
            }
            return Optional.of(PreflightCheck.fail(
                    "mail",
                    "SMTP " + where
                            + (StringUtils.hasText(user) ? " with SPRING_MAIL_USERNAME/SPRING_MAIL_PASSWORD" : "")
                            + ": " + message.replaceAll("\\s+", " ").strip()));
        }
    }
}
