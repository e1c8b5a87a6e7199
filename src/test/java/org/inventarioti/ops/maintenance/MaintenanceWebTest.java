package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a person in the browser sees while maintenance mode is on: the banner and a page, not JSON. */
@InventarioTest
class MaintenanceWebTest {

    @LocalServerPort
    int port;

    @Autowired
    MaintenanceModeService service;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void off() {
        service.turnOff();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path + "?lang=es");
    }

    @Test
    void everyPageShowsTheBannerWithTheOperatorsMessageOnlyWhileItIsOn() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/login"))).body()).doesNotContain("banner-mantenimiento");

        service.turnOn("Actualizando a la versión <b>2.0</b>", Duration.ofMinutes(5), "test");
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"banner-mantenimiento\"")
                .contains("Modo mantenimiento.")
                .as("the message is shown as text")
                .contains("Actualizando a la versión &lt;b&gt;2.0&lt;/b&gt;")
                .doesNotContain("<b>2.0</b>");

        service.turnOff();
        assertThat(send(HttpRequest.newBuilder(uri("/login"))).body()).doesNotContain("banner-mantenimiento");
    }

    @Test
    void aFormPostFromTheBrowserGetsTheMaintenancePageWithRetryAfter() throws Exception {
        service.turnOn(null, Duration.ofMinutes(5), "test");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/usuarios"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nombre=x")));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(answer.body()).contains("El sistema está en mantenimiento").contains("id=\"banner-mantenimiento\"");
    }

    @Test
    void theApiKeepsItsProblemBodyEvenForAnHtmlAccept() throws Exception {
        service.turnOn(null, Duration.ofMinutes(5), "test");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/activos"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(answer.body()).contains("\"maintenance\":true");
    }
}
