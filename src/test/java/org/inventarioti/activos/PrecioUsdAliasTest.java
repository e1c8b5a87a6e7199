package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The original's precio_usd on asset writes: the price in USD. */
@InventarioTest
class PrecioUsdAliasTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private String body(String serie, String precio) {
        return """
                {"categoria_id": %d, "nombre": "Portátil", "numero_serie": "%s", %s,
                 "especificaciones": {"cpu": "Intel i5", "ram": "8GB"}}""".formatted(Activos.categoria(jdbc, "Laptop"), serie, precio);
    }

    @Test
    void precioUsdIsThePriceInUsdOnCreateReplaceAndPatch() {
        Api tecnico = new Api(mvc, users.create(Rol.TECNICO));
        String serie = Api.unique("USD");
        MvcTestResult created = tecnico.post("/api/activos", body(serie, "\"precio_usd\": 1200.5"));
        assertThat(created).hasStatus(201);
        assertThat(created).bodyJson().extractingPath("$.precio").isEqualTo(1200.5);
        assertThat(created).bodyJson().extractingPath("$.moneda").isEqualTo("USD");
        long id = Api.id(created);

        MvcTestResult replaced = tecnico.put(
                "/api/activos/" + id, body(serie, "\"precio_usd\": 99, \"moneda\": \"USD\", \"version\": 0"));
        assertThat(replaced).hasStatusOk().bodyJson().extractingPath("$.precio").isEqualTo(99.0);

        MvcTestResult patched = tecnico.patch("/api/activos/" + id, "{\"precio_usd\": 10.25, \"version\": 1}");
        assertThat(patched).hasStatusOk().bodyJson().extractingPath("$.precio").isEqualTo(10.25);
        assertThat(patched).bodyJson().extractingPath("$.moneda").isEqualTo("USD");
    }

    @Test
    void precioUsdWithAnotherCurrencyOrAnotherPriceIsRefused() {
        Api tecnico = new Api(mvc, users.create(Rol.TECNICO));
        MvcTestResult euros =
                tecnico.post("/api/activos", body(Api.unique("USD"), "\"precio_usd\": 10, \"moneda\": \"EUR\""));
        assertThat(euros).hasStatus(422);
        assertThat(Api.body(euros)).contains("precio_usd").contains("EUR");
        MvcTestResult both =
                tecnico.post("/api/activos", body(Api.unique("USD"), "\"precio_usd\": 10, \"precio\": 11"));
        assertThat(both).hasStatus(422);
        MvcTestResult text = tecnico.post("/api/activos", body(Api.unique("USD"), "\"precio_usd\": \"diez\""));
        assertThat(text).hasStatus(400);
        assertThat(new Api(mvc, users.create(Rol.LECTOR))
                        .post("/api/activos", body(Api.unique("USD"), "\"precio_usd\": 10")))
                .hasStatus(403);
    }
}
