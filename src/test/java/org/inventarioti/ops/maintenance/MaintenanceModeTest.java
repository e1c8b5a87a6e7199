package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Requests;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Guarantee 7 over HTTP: every write endpoint answers 503 with Retry-After, reads keep working. */
@InventarioTest
class MaintenanceModeTest {

    private static final Set<String> LOGIN_LOGOUT =
            Set.of("/api/auth/login", "/api/usuarios/login", "/api/auth/logout", "/login", "/logout");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    MaintenanceModeService service;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @AfterEach
    void off() {
        service.turnOff();
    }

    record Endpoint(RequestMethod method, String path) {}

    /** Every write the application maps, so endpoints added later are covered without editing this test. */
    private List<Endpoint> writeEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> writes = methods.isEmpty()
                    ? Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE)
                    : methods;
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                writes.stream()
                        .filter(m -> m != RequestMethod.GET && m != RequestMethod.HEAD && m != RequestMethod.OPTIONS)
                        .filter(m -> !LOGIN_LOGOUT.contains(path))
                        .forEach(m -> endpoints.add(new Endpoint(m, path)));
            }
        }
        return endpoints;
    }

    @Test
    void everyWriteEndpointAnswers503WithRetryAfterWhileReadsAndLoginWork() {
        var admin = users.create(Rol.ADMIN);
        List<Endpoint> writes = writeEndpoints();
        assertThat(writes).as("the API has write endpoints").isNotEmpty();
        assertThat(writes).contains(new Endpoint(RequestMethod.POST, "/api/usuarios"));

        service.turnOn("Ventana de mantenimiento de prueba", Duration.ofMinutes(5), "test");
        for (Endpoint endpoint : writes) {
            MvcTestResult result =
                    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(
                                    org.springframework.http.HttpMethod.valueOf(
                                            endpoint.method().name()),
                                    endpoint.path())
                            .header("Authorization", admin.bearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"));
            assertThat(result).as(endpoint.toString()).hasStatus(503);
            assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After")))
                    .as(endpoint + " Retry-After")
                    .isBetween(1L, 300L);
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Ventana de mantenimiento de prueba");
            assertThat(result).bodyJson().extractingPath("$.maintenance").isEqualTo(true);
        }
        assertThat(mvc.post()
                        .uri("/api/usuarios")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .as("anonymous writes too")
                .hasStatus(503);

        assertThat(mvc.get().uri("/api/usuarios").header("Authorization", admin.bearer()))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri("/api/auth/login")
                        .with(Requests.fromNewAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + admin.email() + "\",\"password\":\"" + admin.password() + "\"}"))
                .as("login still works")
                .hasStatusOk();
    }

    @Test
    void healthzAndReadinessReportItAndItEnds() {
        service.turnOn(null, Duration.ofMinutes(5), "test");
        assertThat(mvc.get().uri("/healthz"))
                .bodyJson()
                .extractingPath("$.maintenance")
                .isEqualTo("on");
        assertThat(mvc.get().uri("/healthz"))
                .bodyJson()
                .extractingPath("$.maintenance_message")
                .isEqualTo(MaintenanceState.DEFAULT_MESSAGE);
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .as("readiness keeps the instance in service for reads")
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("MAINTENANCE");
        assertThat(mvc.get().uri("/actuator/health/liveness"))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");

        assertThat(service.turnOff()).isTrue();
        assertThat(mvc.get().uri("/healthz"))
                .bodyJson()
                .extractingPath("$.maintenance")
                .isEqualTo("off");
        assertThat(mvc.get().uri("/actuator/health/readiness"))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
        assertThat(mvc.post()
                        .uri("/api/usuarios")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(401);
    }

    @Test
    void aPatchSentRightAfterAnotherProcessTurnsItOnIsRefused() {
        var admin = users.create(Rol.ADMIN);
        assertThat(service.state().active())
                .as("this instance has just read it as off")
                .isFalse();

        // what `inventario maintenance on` does from its own process
        jdbc.sql("INSERT INTO ops_modo_mantenimiento (id, mensaje, titular, expira_en)"
                        + " VALUES (true, 'ahora', 'other process', now() + interval '5 minutes')")
                .update();

        assertThat(mvc.patch()
                        .uri("/api/activos/1")
                        .header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .as("refused at once, not after the cache's second")
                .hasStatus(503);
        assertThat(service.state().active())
                .as("and this instance's cached flag follows")
                .isTrue();
    }

    @Test
    void aHeldWindowsRetryAfterIsItsExpectedEndNotTheFlagsLifetime() {
        MaintenanceHolder holder = service.hold("ventana", "maintenance run");
        try {
            var result = mvc.post()
                    .uri("/api/usuarios")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}")
                    .exchange();
            assertThat(result).hasStatus(503);
            long expected = service.expectedWindow().toSeconds();
            assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After")))
                    .as("the window's expected end, though the held flag lives " + service.holderTtl())
                    .isBetween(expected - 30, expected)
                    .isGreaterThan(service.holderTtl().toSeconds());
        } finally {
            holder.close();
        }
    }

    @Test
    void healthzReadsTheFlagAfreshWhenAnotherProcessSwitchesItOff() {
        service.turnOn("otra instancia", Duration.ofMinutes(5), "test");
        assertThat(service.state().active()).as("cached as on").isTrue();
        assertThat(mvc.get().uri("/healthz"))
                .bodyJson()
                .extractingPath("$.maintenance")
                .isEqualTo("on");

        jdbc.sql("DELETE FROM ops_modo_mantenimiento").update(); // what `inventario maintenance off` does elsewhere

        assertThat(mvc.get().uri("/healthz"))
                .bodyJson()
                .extractingPath("$.maintenance")
                .isEqualTo("off");
    }

    @Test
    void aWindowStillOpenKeepsItsStartAndAnExpiredOneIsOff() throws Exception {
        MaintenanceState first = service.turnOn("a", Duration.ofMinutes(5), "test");
        MaintenanceState renewed = service.turnOn("b", Duration.ofMinutes(5), "test");
        assertThat(renewed.activeSince()).isEqualTo(first.activeSince());
        assertThat(renewed.message()).isEqualTo("b");

        service.turnOn("c", Duration.ofMillis(300), "test");
        Thread.sleep(400);
        assertThat(service.currentState().active()).isFalse();
        assertThat(service.renew("test", Duration.ofMinutes(1)))
                .as("an expired flag cannot be renewed")
                .isFalse();
        MaintenanceState again = service.turnOn("d", Duration.ofMinutes(5), "test");
        assertThat(again.activeSince()).as("a new window").isAfter(first.activeSince());
    }

    @Test
    void aHolderRenewsTheFlagUntilClosed() throws Exception {
        MaintenanceHolder holder = service.keepRenewing("holder-test", Duration.ofMillis(600));
        service.turnOn("held", Duration.ofMillis(600), "holder-test");
        Thread.sleep(1500);
        assertThat(service.currentState().active()).as("renewed past its ttl").isTrue();
        assertThat(holder.held()).isTrue();
        holder.close();
        assertThat(service.currentState().active()).isFalse();
    }
}
