package org.inventarioti.activos;

import java.util.List;
import java.util.regex.Pattern;
import org.inventarioti.errors.InvalidException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved searches of the asset list (V33): each user's own, a name and the list's query string
 * ({@code ?categoria_id=3&estado=Activo}, or empty for the whole list). Saving an existing name
 * replaces its query. Nobody sees, opens or deletes another user's.
 */
@Component
class BusquedasGuardadas {

    static final int MAX_NOMBRE = 80;
    static final int MAX_CONSULTA = 2000;
    static final int MAX_POR_USUARIO = 50;
    private static final Pattern CONSULTA = Pattern.compile("(\\?[A-Za-z0-9%._~\\-=&+]*)?");

    record Busqueda(long id, String nombre, String consulta) {

        /** The asset list this search opens. */
        public String url() {
            return "/activos" + consulta;
        }
    }

    private final JdbcClient jdbc;

    BusquedasGuardadas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A query string as the list's own links write it: empty, or {@code ?} and URL-encoded pairs. */
    static boolean consultaValida(String consulta) {
        return consulta.length() <= MAX_CONSULTA && CONSULTA.matcher(consulta).matches();
    }

    @Transactional(readOnly = true)
    List<Busqueda> de(long usuario) {
        return jdbc.sql(
                        "SELECT id, nombre, consulta FROM busquedas_guardadas WHERE usuario_id = ? ORDER BY lower(nombre), id")
                .param(usuario)
                .query(Busqueda.class)
                .list();
    }

    @Transactional
    Busqueda guardar(long usuario, String nombre, String consulta) {
        String limpio = nombre == null ? "" : nombre.strip();
        String query = consulta == null ? "" : consulta.strip();
        if (limpio.isEmpty() || limpio.length() > MAX_NOMBRE) {
            throw InvalidException.of("nombre", "must be 1 to " + MAX_NOMBRE + " characters");
        }
        if (!consultaValida(query)) {
            throw InvalidException.of("consulta", "must be the asset list's query string");
        }
        long propias = jdbc.sql("SELECT count(*) FROM busquedas_guardadas WHERE usuario_id = ? AND nombre <> ?")
                .params(usuario, limpio)
                .query(Long.class)
                .single();
        if (propias >= MAX_POR_USUARIO) {
            throw InvalidException.of("nombre", "at most " + MAX_POR_USUARIO + " saved searches");
        }
        return jdbc.sql("""
                        INSERT INTO busquedas_guardadas (usuario_id, nombre, consulta) VALUES (?, ?, ?)
                        ON CONFLICT (usuario_id, nombre) DO UPDATE SET consulta = EXCLUDED.consulta
                        RETURNING id, nombre, consulta""")
                .params(usuario, limpio, query)
                .query(Busqueda.class)
                .single();
    }

    /** Deletes the user's own search; false when this user has none with that id. */
    @Transactional
    boolean eliminar(long usuario, long id) {
        return jdbc.sql("DELETE FROM busquedas_guardadas WHERE id = ? AND usuario_id = ?")
                        .params(id, usuario)
                        .update()
                == 1;
    }
}
