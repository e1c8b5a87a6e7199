package org.inventarioti.personas;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The asset API accepts the custodian and place by id or by text, and keeps both sides in sync (V45). */
@InventarioTest
class CustodiaDelActivoTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Api tecnico;
    long categoria;

    @BeforeEach
    void setUp() {
        admin = new Api(mvc, users.create(Rol.ADMIN));
        tecnico = new Api(mvc, users.create(Rol.TECNICO));
        categoria = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
    }

    private MvcTestResult activo(String extra) {
        return tecnico.post(
                "/api/activos",
                "{\"categoria_id\": " + categoria + ", \"nombre\": \"Equipo\", \"numero_serie\": \"" + Api.unique("CA")
                        + "\", \"especificaciones\": {\"cpu\": \"i5\", \"ram\": \"8GB\"}" + extra + "}");
    }

    @Test
    void byIdOrByTextTheLinkAndTheTextAgree() {
        String nombre = Api.unique("Begoña Álvarez");
        long persona = Api.id(admin.post("/api/personas", "{\"nombre\": \"" + nombre + "\"}"));
        long otra = Api.id(admin.post("/api/personas", "{\"nombre\": \"" + Api.unique("Otra") + "\"}"));

        MvcTestResult porId = activo(", \"persona_id\": " + persona);
        assertThat(porId).hasStatus(201);
        assertThat((String) Api.read(porId, "$.responsable")).isEqualTo(nombre);

        String escrito = "  " + nombre.toUpperCase().replace("Ñ", "N").replace("Á", "A") + " ";
        MvcTestResult porTexto = activo(", \"responsable\": \"" + escrito + "\"");
        assertThat(porTexto).hasStatus(201);
        assertThat(((Number) Api.read(porTexto, "$.persona_id")).longValue()).isEqualTo(persona);
        assertThat((String) Api.read(porTexto, "$.responsable")).isEqualTo(nombre);

        long id = Api.id(porTexto);
        MvcTestResult cambio = tecnico.patch("/api/activos/" + id, "{\"version\": 0, \"persona_id\": " + otra + "}");
        assertThat(cambio).hasStatus(200);
        assertThat((String) Api.read(cambio, "$.responsable")).startsWith("Otra-");
        MvcTestResult desconocido = tecnico.patch(
                "/api/activos/" + id, "{\"version\": 1, \"persona_id\": null, \"responsable\": \"Nadie\"}");
        assertThat(desconocido).hasStatus(200);
        assertThat((Object) Api.read(desconocido, "$.persona_id")).isNull();
        assertThat((String) Api.read(desconocido, "$.responsable")).isEqualTo("Nadie");

        MvcTestResult sinTexto = activo("");
        assertThat((Object) Api.read(sinTexto, "$.persona_id")).isNull();
        assertThat((Object) Api.read(sinTexto, "$.responsable")).isNull();
    }

    @Test
    void anUnknownOrInactivePersonAndAnUnknownPlaceAreRefused() {
        long inactiva = Api.id(
                admin.post("/api/personas", "{\"nombre\": \"" + Api.unique("Inactiva") + "\", \"activa\": false}"));
        assertThat(activo(", \"persona_id\": 987654321"))
                .hasStatus(422)
                .bodyText()
                .contains("persona_id");
        assertThat(activo(", \"persona_id\": " + inactiva))
                .hasStatus(422)
                .bodyText()
                .contains("inactive");
        assertThat(activo(", \"ubicacion_id\": 987654321"))
                .hasStatus(422)
                .bodyText()
                .contains("ubicacion_id");
    }
}
