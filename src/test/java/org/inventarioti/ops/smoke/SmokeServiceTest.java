package org.inventarioti.ops.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The smoke client against a stand-in of the API contract: every check, failures named, cleanup always. */
class SmokeServiceTest {

    private FakeInventario fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeInventario();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private SmokeReport smoke(boolean write) {
        return SmokeService.run(
                new SmokeOptions(fake.url(), null, "ops@x", "secret-pass", write, Duration.ofSeconds(2)));
    }

    private static SmokeReport.Status status(SmokeReport report, String check) {
        return report.checks().stream()
                .filter(c -> c.name().equals(check))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void allChecksPassAndTheWriteRoundTripCleansUp() {
        SmokeReport report = smoke(true);
        assertThat(report.ok()).as(report.checks().toString()).isTrue();
        assertThat(report.checks())
                .extracting(SmokeReport.Check::name)
                .containsExactly(
                        "healthz",
                        "readiness",
                        "login",
                        "activos.list",
                        "activos.read",
                        "categorias.list",
                        "reportes",
                        "write.create",
                        "write.read",
                        "write.update",
                        "write.delete");
        assertThat(status(report, "reportes")).isEqualTo(SmokeReport.Status.SKIPPED);
        assertThat(fake.activos).containsOnlyKeys(7L);
        assertThat(fake.deleted).hasSize(1);
    }

    @Test
    void aFailedUpdateStillDeletesTheTestAsset() {
        fake.failures.put("PATCH /api/activos/{id}", 500);
        SmokeReport report = smoke(true);
        assertThat(report.ok()).isFalse();
        assertThat(report.failed()).containsExactly("write.update");
        assertThat(fake.activos).containsOnlyKeys(7L);
        assertThat(fake.deleted).hasSize(1);
    }

    @Test
    void aWrongPasswordFailsLoginAndSkipsWhatNeedsIt() {
        SmokeReport report =
                SmokeService.run(new SmokeOptions(fake.url(), null, "ops@x", "wrong", true, Duration.ofSeconds(2)));
        assertThat(report.failed()).containsExactly("login", "write.create");
        assertThat(status(report, "activos.list")).isEqualTo(SmokeReport.Status.SKIPPED);
        StringWriter text = new StringWriter();
        report.printText(new PrintWriter(text));
        assertThat(text.toString()).contains("smoke: FAILED").contains("login").doesNotContain("wrong");
    }

    @Test
    void everyCallHasATimeLimit() {
        fake.delayedPath = "/api/categorias";
        fake.delayMillis = 5_000;
        long started = System.nanoTime();
        SmokeReport report = SmokeService.run(
                new SmokeOptions(fake.url(), FakeInventario.TOKEN, null, null, false, Duration.ofMillis(500)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(report.failed()).containsExactly("categorias.list");
        assertThat(report.checks().stream()
                        .filter(c -> c.name().equals("categorias.list"))
                        .findFirst()
                        .orElseThrow()
                        .detail())
                .contains("timed out");
    }

    @Test
    void aBrokenContractIsNamed() {
        fake.failures.put("GET /api/activos", 500);
        SmokeReport report = smoke(false);
        assertThat(report.failed()).containsExactly("activos.list");
        assertThat(status(report, "activos.read")).isEqualTo(SmokeReport.Status.SKIPPED);
    }

    @Test
    void anUnreachableServerFailsFast() {
        SmokeReport report = SmokeService.run(
                new SmokeOptions(URI.create("http://127.0.0.1:9"), null, null, null, false, Duration.ofSeconds(1)));
        assertThat(report.failed()).containsExactly("healthz", "readiness");
        assertThat(status(report, "login")).isEqualTo(SmokeReport.Status.SKIPPED);
    }

    @Test
    void theJsonReportListsEveryCheck() {
        StringWriter json = new StringWriter();
        smoke(false).printJson(new PrintWriter(json));
        var tree = JsonMapper.builder().build().readTree(json.toString());
        assertThat(tree.path("ok").asBoolean()).isTrue();
        assertThat(tree.path("checks").size()).isEqualTo(7);
        assertThat(tree.path("checks").get(0).path("status").asString()).isEqualTo("ok");
        assertThat(json.toString()).doesNotContain("secret-pass").doesNotContain(FakeInventario.TOKEN);
    }
}
