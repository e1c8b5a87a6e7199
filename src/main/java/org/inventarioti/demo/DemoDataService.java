package org.inventarioti.demo;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.usuarios.CrearUsuarioRequest;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.UsuarioService;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data: realistic assets (especificaciones that follow their category's schema), maintenance
 * history and a few users, all marked {@code demo} so that {@link #eliminar()} takes exactly them
 * out again. Rows go in through COPY in one transaction: all or nothing, 100 000 assets in seconds.
 */
@Service
class DemoDataService {

    static final String DOMINIO = "@demo.inventario.local";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final UsuarioService usuarios;
    private final AuditoriaService auditoria;
    private final JsonMapper json;
    private final Clock clock;

    DemoDataService(
            JdbcClient jdbc,
            DataSource dataSource,
            UsuarioService usuarios,
            AuditoriaService auditoria,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.usuarios = usuarios;
        this.auditoria = auditoria;
        this.json = json;
        this.clock = clock;
    }

    record Usuario(String email, Rol rol, String password) {}

    record Resumen(long activos, long mantenimientos, List<Usuario> usuariosCreados) {}

    @Transactional
    public Resumen generar(int activos, long seed, Progreso progreso) {
        GeneradorDemo generador = new GeneradorDemo(seed, LocalDate.now(clock));
        Map<String, Long> categorias = categorias();
        List<Usuario> creados = usuarios();
        List<Long> tecnicos = jdbc.sql("SELECT id FROM usuarios WHERE demo AND rol = 'TECNICO' ORDER BY id")
                .query(Long.class)
                .list();
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('activos', 'id')) FROM generate_series(1, ?)")
                .param(activos)
                .query(Long.class)
                .list();
        List<String> mantenimientos = new ArrayList<>();
        Progreso etapa = progreso.etapa("Activos", activos);
        copy("COPY activos (" + GeneradorDemo.COLUMNS + ") FROM STDIN (FORMAT csv)", out -> {
            for (long id : ids) {
                VocabularioDemo.Tipo tipo = generador.tipo();
                String estado = generador.estado();
                int historia = generador.mantenimientos();
                for (int i = 0; i < historia; i++) {
                    mantenimientos.add(
                            generador.mantenimiento(id, generador.estadoMantenimiento(), tecnico(generador, tecnicos)));
                }
                if (generador.enProgreso()) {
                    mantenimientos.add(generador.mantenimiento(id, "en_progreso", tecnico(generador, tecnicos)));
                    estado = estado.equals("Dado de baja") ? estado : "En mantenimiento";
                }
                String specs = json.writeValueAsString(generador.especificaciones(tipo));
                out.write(generador.activo(id, tipo, categorias.get(tipo.categoria()), estado, specs));
                etapa.avanzar(1);
            }
        });
        etapa.terminar();
        Progreso historial = progreso.etapa("Mantenimientos", mantenimientos.size());
        copy("COPY mantenimientos (" + GeneradorDemo.MANTENIMIENTO_COLUMNS + ") FROM STDIN (FORMAT csv)", out -> {
            for (String row : mantenimientos) {
                out.write(row);
                historial.avanzar(1);
            }
        });
        historial.terminar();
        auditoria.evento(
                "demo_data", "activo", null, null, Map.of("activos", activos, "mantenimientos", mantenimientos.size()));
        return new Resumen(activos, mantenimientos.size(), creados);
    }

    @Transactional
    public Resumen eliminar() {
        jdbc.sql("UPDATE mantenimientos SET tecnico_id = NULL WHERE tecnico_id IN (SELECT id FROM usuarios WHERE demo)")
                .update();
        long mantenimientos = jdbc.sql("DELETE FROM mantenimientos WHERE demo OR activo_id IN (SELECT id FROM activos"
                        + " WHERE demo)")
                .update();
        long activos = jdbc.sql("DELETE FROM activos WHERE demo").update();
        jdbc.sql("DELETE FROM usuarios WHERE demo").update();
        jdbc.sql(
                        "DELETE FROM categorias c WHERE demo AND NOT EXISTS (SELECT 1 FROM activos a WHERE a.categoria_id = c.id)")
                .update();
        auditoria.evento(
                "demo_data_eliminados",
                "activo",
                null,
                null,
                Map.of("activos", activos, "mantenimientos", mantenimientos));
        return new Resumen(activos, mantenimientos, List.of());
    }

    /**
     * Refreshes the planner statistics and the visibility map (index-only counts) after a bulk
     * change, and frees the space of deleted rows. Outside any transaction.
     */
    void vacuum() {
        jdbc.sql("VACUUM (ANALYZE) activos").update();
        jdbc.sql("VACUUM (ANALYZE) mantenimientos").update();
    }

    long contarActivos() {
        return jdbc.sql("SELECT count(*) FROM activos").query(Long.class).single();
    }

    /** The seeded categories by name; one that an administrator deleted comes back as demo data. */
    private Map<String, Long> categorias() {
        Map<String, Long> ids = new HashMap<>();
        for (VocabularioDemo.Tipo tipo : VocabularioDemo.TIPOS) {
            Long id = jdbc.sql("SELECT id FROM categorias WHERE lower(nombre) = lower(?)")
                    .param(tipo.categoria())
                    .query(Long.class)
                    .optional()
                    .orElseGet(() -> jdbc.sql("INSERT INTO categorias (nombre, descripcion, demo) VALUES (?, ?, true)"
                                    + " RETURNING id")
                            .params(tipo.categoria(), "Demo")
                            .query(Long.class)
                            .single());
            ids.put(tipo.categoria(), id);
        }
        return ids;
    }

    private List<Usuario> usuarios() {
        List<Usuario> creados = new ArrayList<>();
        java.security.SecureRandom random = new java.security.SecureRandom();
        String[][] demo = {
            {"tecnico1", "TECNICO"}, {"tecnico2", "TECNICO"}, {"tecnico3", "TECNICO"}, {"lector", "LECTOR"}
        };
        for (String[] user : demo) {
            String email = user[0] + DOMINIO;
            if (usuarios.porEmail(email).isPresent()) {
                continue;
            }
            String password = random.ints(16, 0, 36)
                    .mapToObj(i -> Character.toString(Character.forDigit(i, 36)))
                    .collect(java.util.stream.Collectors.joining("", "demo-", ""));
            Rol rol = Rol.valueOf(user[1]);
            usuarios.crear(new CrearUsuarioRequest("Demo " + user[0], email, rol, password), true);
            creados.add(new Usuario(email, rol, password));
        }
        return creados;
    }

    private static Long tecnico(GeneradorDemo generador, List<Long> tecnicos) {
        return tecnicos.isEmpty() ? null : generador.pick(tecnicos);
    }

    private interface Rows {
        void write(Writer out) throws IOException;
    }

    /** Streams rows into COPY on the transaction's connection, in batches of {@value #BATCH} lines. */
    private void copy(String sql, Rows rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try (Writer out = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(
                            new PGCopyOutputStream(copy), java.nio.charset.StandardCharsets.UTF_8),
                    BATCH * 256)) {
                rows.write(out);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Loading demo data failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
