package org.inventarioti.ops.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The smoke client against the real server of the test context. */
@InventarioTest
class SmokeAgainstServerTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    private SmokeReport.Check check(SmokeReport report, String name) {
        return report.checks().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void healthReadinessAndLoginPassWithoutLeakingThePassword() {
        var admin = users.create(Rol.ADMIN);
        SmokeReport report = SmokeService.run(new SmokeOptions(
                URI.create("http://127.0.0.1:" + port),
                null,
                admin.email(),
                admin.password(),
                false,
                Duration.ofSeconds(10)));
        assertThat(check(report, "healthz").status()).isEqualTo(SmokeReport.Status.OK);
        assertThat(check(report, "readiness").status()).isEqualTo(SmokeReport.Status.OK);
        assertThat(check(report, "login").status()).isEqualTo(SmokeReport.Status.OK);
        assertThat(check(report, "reportes").status())
                .as("the reports check calls an endpoint that exists")
                .isEqualTo(SmokeReport.Status.OK);
        StringWriter text = new StringWriter();
        report.printText(new PrintWriter(text));
        report.printJson(new PrintWriter(text));
        assertThat(text.toString()).doesNotContain(admin.password());
    }

    @Test
    void aWrongPasswordFailsTheLoginCheck() {
        var lector = users.create(Rol.LECTOR);
        SmokeReport report = SmokeService.run(new SmokeOptions(
                URI.create("http://127.0.0.1:" + port),
                null,
                lector.email(),
                "not-the-password",
                false,
                Duration.ofSeconds(10)));
        assertThat(report.failed()).contains("login");
        assertThat(check(report, "login").detail()).contains("401");
    }
}
