package org.inventarioti.reportes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@InventarioTest
class ReporteApiControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRoleReadsTheReportsAsJson() {
        Filas filas = new Filas(jdbc);
        String nombre = Filas.unico("Cat api");
        long categoria = filas.categoria(nombre);
        filas.activo(categoria, "Uno", "Activo", "Compras", new BigDecimal("10.00"), "EUR");
        filas.activo(categoria, "Dos", "En reparación", "Compras", new BigDecimal("5.00"), "EUR");
        for (Rol rol : Rol.values()) {
            String bearer = users.create(rol).bearer();
            var result = mvc.get()
                    .uri("/api/reportes/categoria?categoria_id=" + categoria)
                    .header("Authorization", bearer)
                    .exchange();
            assertThat(result)
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.dimension")
                    .isEqualTo("categoria");
            assertThat(result).bodyJson().extractingPath("$.filas[0].clave").isEqualTo(nombre);
            assertThat(result).bodyJson().extractingPath("$.filas[0].cantidad").isEqualTo(2);
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.valor_total[0].moneda")
                    .isEqualTo("EUR");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.valor_total[0].valor")
                    .isEqualTo(15.00);
            var resumen = mvc.get()
                    .uri("/api/reportes/resumen?categoria_id=" + categoria + "&estado=Activo")
                    .header("Authorization", bearer)
                    .exchange();
            assertThat(resumen)
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.area.filas[0].clave")
                    .isEqualTo("Compras");
            assertThat(resumen).bodyJson().extractingPath("$.estado.total").isEqualTo(1);
        }
    }

    @Test
    void badRequestsAreProblemDetails() {
        String bearer = users.create(Rol.LECTOR).bearer();
        assertThat(mvc.get().uri("/api/reportes/categoria")).hasStatus(401);
        assertThat(mvc.get().uri("/api/reportes/otra").header("Authorization", bearer))
                .hasStatus(404);
        assertThat(mvc.get().uri("/api/reportes/estado?color=rojo").header("Authorization", bearer))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("color");
        assertThat(mvc.get().uri("/api/reportes/estado?estado=Perdido").header("Authorization", bearer))
                .hasStatus(400);
        assertThat(mvc.get()
                        .uri("/api/reportes/estado?fecha_compra_hasta=2024-13-01")
                        .header("Authorization", bearer))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.parameter")
                .isEqualTo("fecha_compra_hasta");
        assertThat(mvc.post().uri("/api/reportes/estado").header("Authorization", bearer))
                .hasStatus(403);
    }
}
