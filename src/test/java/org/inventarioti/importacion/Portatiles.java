package org.inventarioti.importacion;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoRequest;
import org.inventarioti.activos.ActivoService;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The laptop the spreadsheet-import tests start from: stored through the service, as a user would. */
final class Portatiles {

    private Portatiles() {}

    static Activo crear(ActivoService activos, JdbcClient jdbc, JsonMapper json, String serie) {
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        return activos.crear(new ActivoRequest(
                laptop,
                "Portátil " + serie,
                "Dell",
                "Latitude",
                serie,
                "Activo",
                "TI",
                "Sede",
                null,
                LocalDate.of(2024, 3, 1),
                null,
                new BigDecimal("1250.50"),
                "USD",
                "Ana",
                null,
                "enabled",
                json.createObjectNode().put("cpu", "i7").put("ram", "16GB"),
                null));
    }
}
