package org.inventarioti.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The OpenAPI description documents every endpoint with its errors, in the API's own field names. */
@InventarioTest
class OpenApiTest {

    @Autowired
    MockMvcTester mvc;

    private String docs() throws Exception {
        MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString();
    }

    @Test
    void everyInventoryEndpointIsDocumentedWithItsErrors() throws Exception {
        String docs = docs();
        Map<String, Map<String, Object>> paths = JsonPath.read(docs, "$.paths");
        assertThat(paths)
                .containsKeys(
                        "/api/activos",
                        "/api/activos/{id}",
                        "/api/activos/codigo/{codigo}",
                        "/api/activos/{id}/historial",
                        "/api/activos/{activoId}/mantenimientos",
                        "/api/categorias",
                        "/api/categorias/{id}",
                        "/api/categorias/{id}/no-conformes",
                        "/api/mantenimientos",
                        "/api/mantenimientos/{id}",
                        "/api/auditoria");
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, operation) -> {
                Map<String, Object> responses = JsonPath.read(operation, "$.responses");
                if (!path.equals("/api/auth/login") && !path.equals("/api/usuarios/login")) {
                    assertThat(responses).as(method + " " + path).containsKeys("401", "403");
                }
                if (List.of("post", "put", "patch").contains(method)) {
                    assertThat(responses).as(method + " " + path).containsKeys("400", "422");
                }
            });
        });
        assertThat((Map<String, Object>) JsonPath.read(docs, "$.paths['/api/activos/{id}'].patch.responses"))
                .containsKeys("200", "400", "401", "403", "404", "409", "422", "428");
    }

    @Test
    void modelsAndParametersUseTheApiNames() throws Exception {
        String docs = docs();
        assertThat((Map<String, Object>) JsonPath.read(docs, "$.components.schemas.Activo.properties"))
                .containsKeys("numero_serie", "categoria_id", "especificaciones", "garantia_hasta", "created_at");
        assertThat((Map<String, Object>) JsonPath.read(docs, "$.components.schemas.ActivoRequest.properties"))
                .containsKeys("numero_serie", "categoria_id", "especificaciones", "version");
        assertThat((Map<String, Object>) JsonPath.read(docs, "$.components.schemas.ListPageActivo.properties"))
                .containsKeys("items", "total", "page", "size", "next_after");
        List<String> listParameters = JsonPath.read(docs, "$.paths['/api/activos'].get.parameters[*].name");
        assertThat(listParameters)
                .contains("page", "size", "sort", "after", "q", "categoria_id", "estado", "spec.<key>")
                .doesNotContain("query");
        assertThat((String) JsonPath.read(docs, "$.components.securitySchemes.bearer.scheme"))
                .isEqualTo("bearer");
    }

    @Test
    void swaggerUiIsServed() {
        MvcTestResult ui = mvc.get().uri("/swagger-ui/index.html").exchange();
        assertThat(ui).hasStatusOk();
    }
}
