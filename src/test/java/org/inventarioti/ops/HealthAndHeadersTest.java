package org.inventarioti.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.ops.release.AppVersion;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@InventarioTest
class HealthAndHeadersTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void healthzAnswersWithoutAuthentication() {
        MvcTestResult result = mvc.get().uri("/healthz").exchange();
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("ok");
        assertThat(result).bodyJson().extractingPath("$.version").isEqualTo(AppVersion.get());
        assertThat(result).bodyJson().extractingPath("$.env").isEqualTo("development");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.uptime")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isNotNegative());
    }

    @Test
    void livenessAndReadinessAreUp() {
        assertThat(mvc.get().uri("/actuator/health/liveness"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** A server refusing traffic answers 503 on readiness, so a balancer or `curl -f` stops sending to it. */
    @Test
    void readinessAnswers503WhenTheServerRefusesTraffic() {
        try {
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(
                    context, org.springframework.boot.availability.ReadinessState.REFUSING_TRAFFIC);
            assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(503);
        } finally {
            org.springframework.boot.availability.AvailabilityChangeEvent.publish(
                    context, org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
    }

    @Test
    void prometheusOnlyFromLoopback() {
        assertThat(mvc.get().uri("/actuator/prometheus").with(Requests.from("127.0.0.1")))
                .hasStatusOk()
                .bodyText()
                .contains("jvm_memory_used_bytes");
        assertThat(mvc.get().uri("/actuator/prometheus").with(Requests.fromNewAddress()))
                .hasStatus(401);
    }

    @Test
    void configurationEndpointsAreNotExposed() {
        for (String path :
                new String[] {"/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump"}) {
            MvcTestResult result =
                    mvc.get().uri(path).with(Requests.from("127.0.0.1")).exchange();
            assertThat(result.getResponse().getStatus()).as(path).isIn(401, 404);
        }
    }

    @Test
    void everyResponseCarriesARequestIdAndSecurityHeaders() {
        MvcTestResult generated = mvc.get().uri("/healthz").exchange();
        assertThat(generated.getResponse().getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(mvc.get().uri("/healthz").header("X-Request-Id", "trace-1234abcd"))
                .hasHeader("X-Request-Id", "trace-1234abcd");
        assertThat(mvc.get()
                        .uri("/healthz")
                        .header("X-Request-Id", "bad id\nwith newline")
                        .exchange()
                        .getResponse()
                        .getHeader("X-Request-Id"))
                .matches("[0-9a-f-]{36}");

        MvcTestResult error = mvc.get()
                .uri("/api/usuarios")
                .header("X-Request-Id", "trace-5678efgh")
                .exchange();
        assertThat(error)
                .hasStatus(401)
                .bodyJson()
                .extractingPath("$.request_id")
                .isEqualTo("trace-5678efgh");
        for (MvcTestResult result : new MvcTestResult[] {generated, error}) {
            assertThat(result)
                    .hasHeader("X-Content-Type-Options", "nosniff")
                    .hasHeader("X-Frame-Options", "DENY")
                    .hasHeader("Referrer-Policy", "strict-origin-when-cross-origin")
                    .containsHeader("Content-Security-Policy")
                    .containsHeader("Permissions-Policy");
        }
    }

    @Test
    void sentryIsOffWithoutADsn() {
        assertThat(io.sentry.Sentry.isEnabled()).isFalse();
    }
}
