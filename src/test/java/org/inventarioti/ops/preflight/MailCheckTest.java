package org.inventarioti.ops.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** preflight's mail check against a real SMTP server (GreenMail): reachable, credentials, never the password. */
class MailCheckTest {

    @Test
    void noMailSettingsNoCheck() {
        assertThat(MailCheck.check(new MockEnvironment())).isEmpty();
    }

    @Test
    void aReachableServerAcceptingTheCredentialsPassesAndAWrongPasswordFailsUnprinted() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(
                        GreenMailConfiguration.aConfig().withUser("avisos@test.local", "avisos", "bien-9f3k"));
        smtp.start();
        try {
            MockEnvironment env = new MockEnvironment()
                    .withProperty("spring.mail.host", "127.0.0.1")
                    .withProperty(
                            "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
            PreflightCheck sinUsuario = MailCheck.check(env).orElseThrow();
            assertThat(sinUsuario.ok()).as(sinUsuario.detail()).isTrue();

            env.withProperty("spring.mail.username", "avisos").withProperty("spring.mail.password", "bien-9f3k");
            PreflightCheck bien = MailCheck.check(env).orElseThrow();
            assertThat(bien.ok()).as(bien.detail()).isTrue();
            assertThat(bien.detail()).contains("signed in as avisos").doesNotContain("bien-9f3k");

            env.withProperty("spring.mail.password", "mal-Zq81x");
            PreflightCheck mal = MailCheck.check(env).orElseThrow();
            assertThat(mal.ok()).isFalse();
            assertThat(mal.detail()).contains("SPRING_MAIL_USERNAME").doesNotContain("mal-Zq81x");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void anUnreachableServerFails() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PreflightCheck check = MailCheck.check(new MockEnvironment()
                        .withProperty("spring.mail.host", "127.0.0.1")
                        .withProperty("spring.mail.port", String.valueOf(port)))
                .orElseThrow();
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("127.0.0.1:" + port);
    }
}
