package org.inventarioti.activos;

import org.inventarioti.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Test data for assets: the seeded categories and valid asset bodies. */
final class Activos {

    private Activos() {}

    static long categoria(JdbcClient jdbc, String nombre) {
        return jdbc.sql("SELECT id FROM categorias WHERE nombre = ?")
                .param(nombre)
                .query(Long.class)
                .single();
    }

    /** A valid laptop with the given serial number. */
    static String laptop(long categoriaId, String serie) {
        return """
                {"categoria_id": %d, "nombre": "Portátil de %s", "marca": "Dell", "modelo": "Latitude 5440",
                 "numero_serie": "%s", "area": "Finanzas", "responsable": "Ana Pérez",
                 "fecha_compra": "2024-03-01", "garantia_hasta": "2027-03-01", "precio": 1250.50, "moneda": "USD",
                 "bitlocker": "enabled",
                 "especificaciones": {"cpu": "Intel i7-1365U", "ram": "16GB", "disco": "512GB SSD"}}""".formatted(categoriaId, serie, serie);
    }

    static MvcTestResult crear(Api api, long categoriaId, String serie) {
        MvcTestResult result = api.post("/api/activos", laptop(categoriaId, serie));
        if (Api.status(result) != 201) {
            throw new IllegalStateException("could not create asset: " + Api.body(result));
        }
        return result;
    }
}
