package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.inventarioti.activos.ActivoRequest;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.support.Filas;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.Sesiones;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** Our own detailed report, exported as XLSX or CSV (Spanish or English headers), re-imports with 0 changes. */
@InventarioTest
class ImportacionIdaYVueltaTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivoService activos;

    @Autowired
    ImportacionArchivo importacion;

    @Autowired
    JsonMapper json;

    @TempDir
    Path dir;

    long categoriaConActivos() {
        long categoria = new Filas(jdbc).categoria(Filas.unico("Ida y vuelta"));
        String serie = Filas.unico("IV");
        activos.crear(new ActivoRequest(
                categoria,
                "Portátil ñandú",
                "Dell",
                "Latitude 5440",
                serie + "-1",
                "En reparación",
                "Finanzas",
                "Sede Central, piso 2",
                "Proveedor \"SA\"",
                LocalDate.of(2024, 3, 1),
                LocalDate.of(2027, 2, 28),
                new BigDecimal("1250.50"),
                "USD",
                "Ana Pérez",
                "no se exporta",
                "enabled",
                json.createObjectNode()
                        .put("cpu", "i7")
                        .put("ram_gb", 16)
                        .put("pulgadas", 14.5)
                        .put("ssd", true),
                null));
        activos.crear(new ActivoRequest(
                categoria,
                "=HYPERLINK(\"http://x\")",
                null,
                null,
                serie + "-2",
                "Activo",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
        activos.crear(new ActivoRequest(
                categoria,
                "-5 grados; frío",
                "HP",
                "Z2",
                serie + "-3",
                "Dado de baja",
                "TI",
                null,
                null,
                LocalDate.of(2020, 12, 31),
                null,
                new BigDecimal("1000"),
                "EUR",
                null,
                null,
                "disabled",
                json.createObjectNode().put("notas_tecnicas", "línea uno\nlínea dos"),
                null));
        return categoria;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv", "csv?lang=en", "xlsx?lang=en"})
    void theDetailedExportReimportsWithNoChange(String formato) throws Exception {
        long categoria = categoriaConActivos();
        String extension = formato.substring(0, formato.contains("?") ? formato.indexOf('?') : formato.length());
        String lang = formato.contains("?") ? "&" + formato.substring(formato.indexOf('?') + 1) : "";
        MvcTestResult export = mvc.get()
                .uri("/reportes/detalle." + extension + "?categoria_id=" + categoria + lang)
                .with(Sesiones.de(users.create(Rol.LECTOR)))
                .exchange();
        assertThat(export).hasStatusOk();
        Path file = Files.write(
                dir.resolve("export." + extension), export.getResponse().getContentAsByteArray());

        ResultadoArchivo r = importacion.previsualizar(file, "export." + extension, OpcionesArchivo.previa());

        assertThat(r.columnas()).extracting(Mapeo.Columna::campo).doesNotContainNull();
        assertThat(r.ejemplos())
                .as("rows that would change, with their problems")
                .isEmpty();
        assertThat(List.of(r.filas(), r.creadas(), r.actualizadas(), r.sinCambios(), r.rechazadas()))
                .containsExactly(3L, 0L, 0L, 3L, 0L);
        ResultadoArchivo porCodigo = importacion.previsualizar(
                file,
                "export." + extension,
                new OpcionesArchivo(
                        OpcionesArchivo.Modo.ACTUALIZAR, OpcionesArchivo.Clave.CODIGO, true, java.util.Map.of(), true));
        assertThat(porCodigo.sinCambios()).isEqualTo(3L);
    }

    @Test
    void anEditedExportUpdatesOnlyWhatChanged() throws Exception {
        long categoria = categoriaConActivos();
        MvcTestResult export = mvc.get()
                .uri("/reportes/detalle.csv?categoria_id=" + categoria)
                .with(Sesiones.de(users.create(Rol.LECTOR)))
                .exchange();
        String csv = export.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("editado.csv"), csv.replace("Sede Central, piso 2", "Bodega"));
        ResultadoArchivo r = importacion.previsualizar(file, "editado.csv", OpcionesArchivo.previa());
        assertThat(List.of(r.actualizadas(), r.sinCambios())).containsExactly(1L, 2L);
    }
}
