package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** No lost update: of many clients changing the same version at once, exactly one wins. */
@InventarioTest
class ActivoConcurrencyTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentChangesOfOneVersionLetExactlyOneWin() throws Exception {
        Api tecnico = new Api(mvc, users.create(Rol.TECNICO));
        long id = Api.id(Activos.crear(tecnico, Activos.categoria(jdbc, "Laptop"), Api.unique("RACE")));
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                String area = "Area " + i;
                boolean put = i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    if (put) {
                        String body = Api.body(tecnico.get("/api/activos/" + id));
                        return Api.status(tecnico.put(
                                "/api/activos/" + id,
                                body.replaceAll("\"area\":\"[^\"]*\"", "\"area\":\"" + area + "\"")
                                        .replaceAll("\"version\":\\d+", "\"version\":0")));
                    }
                    return Api.status(tecnico.patch("/api/activos/" + id, "{\"area\": \"" + area + "\"}", "\"0\""));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(clients - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT version FROM activos WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM auditoria WHERE entidad = 'activo' AND entidad_id = ? AND accion = 'actualizar'")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
