package org.inventarioti.importacion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The spreadsheet import benchmark (off unless {@code -Dbench.import.filas=N}): a CSV of N new
 * laptops, previewed and then imported (skipping errors), timed, with the heap's peak after each;
 * then {@code bench.import.api} more (default min(N, 2000)) created one request each through
 * {@code POST /api/activos}, the whole MVC and security stack in process, for comparison.
 * Command and figures: docs/benchmarks.md.
 */
@InventarioTest
@EnabledIfSystemProperty(named = "bench.import.filas", matches = "\\d+")
class ImportacionBenchmarkTest {

    @Autowired
    ImportacionArchivo importacion;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void previewAndImport() throws Exception {
        int n = Integer.parseInt(System.getProperty("bench.import.filas"));
        String run = UUID.randomUUID().toString().substring(0, 6);
        Path file = dir.resolve("bench.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Número de serie;Nombre;Categoría;Marca;Modelo;Estado;Área;Ubicación;Fecha de compra;Precio;"
                    + "Moneda;spec.cpu;spec.ram;spec.disco\n");
            for (int i = 0; i < n; i++) {
                out.write(String.format(
                        Locale.ROOT,
                        "B%s-%07d;Portátil %d;Laptop;Dell;Latitude 54%02d;Activo;Área %d;Sede %d;%02d/%02d/2024;"
                                + "1.%03d,50;USD;Intel i7-1365U;16GB;512GB SSD%n",
                        run,
                        i,
                        i,
                        i % 100,
                        i % 40,
                        i % 12,
                        1 + i % 28,
                        1 + i % 12,
                        i % 1000));
            }
        }
        long mb = Files.size(file) / (1024 * 1024);
        resetPeaks();
        long t0 = System.nanoTime();
        ResultadoArchivo preview = importacion.previsualizar(file, "bench.csv", OpcionesArchivo.previa());
        double previewS = (System.nanoTime() - t0) / 1e9;
        long previewPeak = peakHeap();
        assertThat(preview.creadas()).isEqualTo(n);
        resetPeaks();
        t0 = System.nanoTime();
        ResultadoArchivo done = importacion.ejecutar(
                UUID.randomUUID(),
                file,
                "bench.csv",
                new OpcionesArchivo(
                        OpcionesArchivo.Modo.AMBOS, OpcionesArchivo.Clave.NUMERO_SERIE, false, Map.of(), false),
                ImportacionArchivo.Progreso.NADA,
                null);
        double runS = (System.nanoTime() - t0) / 1e9;
        long runPeak = peakHeap();
        assertThat(done.creadas()).isEqualTo(n);
        int m = Integer.parseInt(System.getProperty("bench.import.api", Integer.toString(Math.min(n, 2000))));
        double apiS = porLaApi(run, m);
        System.out.printf(
                Locale.ROOT,
                "BENCH import rows=%d file=%dMB preview=%.1fs (%.0f rows/s, heap peak %d MiB) import=%.1fs (%.0f rows/s,"
                        + " heap peak %d MiB) max heap %d MiB; POST /api/activos one row per request: %d rows %.1fs (%.0f"
                        + " rows/s)%n",
                n,
                mb,
                previewS,
                n / previewS,
                previewPeak >> 20,
                runS,
                n / runS,
                runPeak >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                m,
                apiS,
                m / apiS);
    }

    /** The same laptops (other serial numbers) created one request each through the API, as a TECNICO. */
    private double porLaApi(String run, int m) {
        long laptop = jdbc.sql("SELECT id FROM categorias WHERE nombre = 'Laptop'")
                .query(Long.class)
                .single();
        Api api = new Api(mvc, users.create(Rol.TECNICO));
        long t0 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            String body = String.format(
                    Locale.ROOT,
                    "{\"categoria_id\":%d,\"numero_serie\":\"A%s-%07d\",\"nombre\":\"Portátil %d\",\"marca\":\"Dell\","
                            + "\"modelo\":\"Latitude 54%02d\",\"estado\":\"Activo\",\"area\":\"Área %d\","
                            + "\"ubicacion\":\"Sede %d\",\"fecha_compra\":\"2024-%02d-%02d\",\"precio\":1%03d.50,"
                            + "\"moneda\":\"USD\",\"especificaciones\":{\"cpu\":\"Intel i7-1365U\",\"ram\":\"16GB\","
                            + "\"disco\":\"512GB SSD\"}}",
                    laptop,
                    run,
                    i,
                    i,
                    i % 100,
                    i % 40,
                    i % 12,
                    1 + i % 12,
                    1 + i % 28,
                    i % 1000);
            assertThat(api.post("/api/activos", body)).hasStatus(201);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
