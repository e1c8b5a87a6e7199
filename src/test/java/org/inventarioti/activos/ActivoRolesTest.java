package org.inventarioti.activos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every asset endpoint as every role: LECTOR reads, TECNICO writes, only ADMIN deletes. */
@InventarioTest
class ActivoRolesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    /** Each operation on a fresh asset; the key says whether it writes ("w"), deletes ("d") or reads ("r"). */
    private Map<String, Function<Api, MvcTestResult>> operations() {
        long laptop = Activos.categoria(jdbc, "Laptop");
        Api owner = new Api(mvc, users.create(Rol.ADMIN));
        MvcTestResult created = Activos.crear(owner, laptop, Api.unique("ROL"));
        long id = Api.id(created);
        String codigo = Api.read(created, "$.codigo");
        Map<String, Function<Api, MvcTestResult>> operations = new LinkedHashMap<>();
        operations.put("r list", api -> api.get("/api/activos?size=1"));
        operations.put("r get", api -> api.get("/api/activos/" + id));
        operations.put("r codigo", api -> api.get("/api/activos/codigo/" + codigo));
        operations.put("r historial", api -> api.get("/api/activos/" + id + "/historial"));
        operations.put("r mantenimientos", api -> api.get("/api/activos/" + id + "/mantenimientos"));
        operations.put("w post", api -> api.post("/api/activos", Activos.laptop(laptop, Api.unique("ROL"))));
        operations.put("w put", api -> api.put("/api/activos/" + id, Api.body(api.get("/api/activos/" + id))));
        operations.put(
                "w patch",
                api -> api.patch(
                        "/api/activos/" + id,
                        "{\"ubicacion\": \"x\"}",
                        api.get("/api/activos/" + id).getResponse().getHeader("ETag")));
        operations.put("d delete", api -> api.delete("/api/activos/" + id));
        return operations;
    }

    @ParameterizedTest
    @EnumSource(Rol.class)
    void eachRoleMayDoWhatItsRoleAllows(Rol rol) {
        Api api = new Api(mvc, users.create(rol));
        operations().forEach((name, operation) -> {
            boolean allowed = switch (name.charAt(0)) {
                case 'r' -> true;
                case 'w' -> rol != Rol.LECTOR;
                default -> rol == Rol.ADMIN;
            };
            int status = Api.status(operation.apply(api));
            if (allowed) {
                assertThat(status).as(rol + " " + name).isBetween(200, 204);
            } else {
                assertThat(status).as(rol + " " + name).isEqualTo(403);
            }
        });
    }

    @Test
    void anonymousIsUnauthorizedEverywhere() {
        Api anonymous = Api.anonymous(mvc);
        operations()
                .forEach((name, operation) -> assertThat(Api.status(operation.apply(anonymous)))
                        .as(name)
                        .isEqualTo(401));
    }
}
