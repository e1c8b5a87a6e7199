package org.inventarioti.planes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.inventarioti.jobs.Job;
import org.inventarioti.support.Api;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The plan generation benchmark (off unless {@code -Dbench.planes.activos=N}; bench/planes_generacion.sh):
 * N assets of one category (1 % retired), 5 plans on it — monthly, fortnightly on one área, a
 * calendar rule (first Monday of each quarter), every 45 days, weekly on the other área — each
 * created through {@code POST /api/planes}, which generates its records inside the 60-day horizon;
 * then the {@code generar-planes} job over all of them again (must create 0); then the baseline:
 * the same rows written by one plain {@code INSERT … SELECT} into a copy of the table (its indexes
 * and defaults, no foreign keys).
 */
@InventarioTest
@EnabledIfSystemProperty(named = "bench.planes.activos", matches = "\\d+")
class PlanesBenchmarkTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<Job> jobs;

    @Test
    void generateForManyAssetsAndRerun() throws Exception {
        int n = Integer.parseInt(System.getProperty("bench.planes.activos"));
        LocalDate hoy = LocalDate.now(ZoneOffset.UTC);
        String run = Api.unique("PB").toUpperCase();
        long categoria = jdbc.sql("INSERT INTO categorias (nombre) VALUES (?) RETURNING id")
                .param("Bench planes " + run)
                .query(Long.class)
                .single();
        long t0 = System.nanoTime();
        jdbc.sql("""
                        INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, estado, area, especificaciones)
                        SELECT :run || '-' || i, :categoria, 'Equipo ' || i, 'SN-' || :run || '-' || i,
                               CASE WHEN i % 100 = 0 THEN 'Dado de baja' ELSE 'Activo' END, 'Área ' || (i % 2),
                               '{"ram": "16GB"}'
                        FROM generate_series(1, :n) AS i""")
                .param("run", run)
                .param("categoria", categoria)
                .param("n", n)
                .update();
        double activosS = (System.nanoTime() - t0) / 1e9;

        Api api = new Api(mvc, users.create(Rol.TECNICO));
        long tecnico = users.create(Rol.TECNICO).id();
        String[] planes = {
            "\"titulo\": \"Limpieza mensual\", \"cada\": 1, \"unidad\": \"meses\"",
            "\"titulo\": \"Revisión quincenal\", \"area\": \"Área 0\", \"cada\": 2, \"unidad\": \"semanas\"",
            "\"titulo\": \"Inventario trimestral\", \"cada\": 3, \"unidad\": \"meses\", \"regla_ordinal\": 1,"
                    + " \"regla_dia_semana\": 1",
            "\"titulo\": \"Firmware\", \"cada\": 45, \"unidad\": \"dias\"",
            "\"titulo\": \"Baterías\", \"area\": \"Área 1\", \"cada\": 1, \"unidad\": \"semanas\""
        };
        long t1 = System.nanoTime();
        for (String plan : planes) {
            MvcTestResult r = api.post(
                    "/api/planes",
                    "{" + plan + ", \"categoria_id\": " + categoria + ", \"fecha_inicio\": \"" + hoy
                            + "\", \"tecnico_id\": " + tecnico + ", \"checklist\": [\"Revisar\", \"Limpiar\"]}");
            assertThat(r).as(plan).hasStatus(201);
        }
        double generarS = (System.nanoTime() - t1) / 1e9;
        long registros = jdbc.sql("SELECT count(*) FROM mantenimientos m JOIN planes p ON p.id = m.plan_id"
                        + " WHERE p.categoria_id = ?")
                .param(categoria)
                .query(Long.class)
                .single();
        long deBaja = jdbc.sql("SELECT count(*) FROM mantenimientos m JOIN activos a ON a.id = m.activo_id"
                        + " WHERE a.categoria_id = ? AND a.estado = 'Dado de baja'")
                .param(categoria)
                .query(Long.class)
                .single();
        assertThat(deBaja).as("retired assets get nothing").isZero();

        Job job = jobs.stream()
                .filter(j -> j.nombre().equals("generar-planes"))
                .findFirst()
                .orElseThrow();
        long t2 = System.nanoTime();
        String rerun = job.ejecutar();
        double rerunS = (System.nanoTime() - t2) / 1e9;
        long despues = jdbc.sql("SELECT count(*) FROM mantenimientos m JOIN planes p ON p.id = m.plan_id"
                        + " WHERE p.categoria_id = ?")
                .param(categoria)
                .query(Long.class)
                .single();
        assertThat(despues).as("a rerun creates nothing: " + rerun).isEqualTo(registros);

        long t3 = System.nanoTime();
        jdbc.sql("CREATE TABLE bench_planes_base (LIKE mantenimientos INCLUDING ALL)")
                .update();
        jdbc.sql("""
                        INSERT INTO bench_planes_base (activo_id, tipo, titulo, estado, fecha_programada, tecnico_id,
                                                       checklist, plan_id, plan_fecha, created_by, updated_by)
                        SELECT m.activo_id, m.tipo, m.titulo, 'programado', m.fecha_programada, m.tecnico_id,
                               m.checklist, m.plan_id, m.plan_fecha, 'bench', 'bench'
                        FROM mantenimientos m JOIN planes p ON p.id = m.plan_id WHERE p.categoria_id = ?""").param(categoria).update();
        double baseS = (System.nanoTime() - t3) / 1e9;
        jdbc.sql("DROP TABLE bench_planes_base").update();

        System.out.println(String.format(
                Locale.ROOT,
                "BENCH planes activos=%d planes=5 registros=%d generar=%.1fs (%.0f registros/s) rerun=%.1fs (%s)"
                        + " base_insert_select=%.1fs activos_insert=%.1fs",
                n,
                registros,
                generarS,
                registros / generarS,
                rerunS,
                rerun,
                baseS,
                activosS));
    }
}
