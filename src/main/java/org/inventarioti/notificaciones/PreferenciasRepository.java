package org.inventarioti.notificaciones;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-user notification preferences ({@code notificaciones_preferencias}). */
@Repository
class PreferenciasRepository {

    /** The kinds of e-mail a user can unsubscribe from (ops notices to administrators are not). */
    static final java.util.List<String> TIPOS = java.util.List.of(
            AvisosService.VENCE,
            AvisosService.VENCIDO,
            AvisosService.GARANTIA,
            AvisosService.RESUMEN,
            "plan.generado",
            AvisosDevoluciones.DEVOLUCION);

    /** A user's language and the kinds they unsubscribed from. */
    record Preferencias(String idioma, Set<String> desactivados) {
        static final Preferencias POR_DEFECTO = new Preferencias("es", Set.of());

        boolean recibe(String tipo) {
            return !desactivados.contains(tipo);
        }
    }

    private final JdbcClient jdbc;

    PreferenciasRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Preferencias de(long usuarioId) {
        Optional<Preferencias> p = jdbc.sql(
                        "SELECT idioma, desactivados FROM notificaciones_preferencias WHERE usuario_id = :id")
                .param("id", usuarioId)
                .query(PreferenciasRepository::preferencias)
                .optional();
        return p.orElse(Preferencias.POR_DEFECTO);
    }

    void guardar(long usuarioId, String idioma, Set<String> desactivados) {
        jdbc.sql("""
                        INSERT INTO notificaciones_preferencias (usuario_id, idioma, desactivados)
                        VALUES (:id, :idioma, CAST(:desactivados AS text[]))
                        ON CONFLICT (usuario_id) DO UPDATE SET idioma = excluded.idioma,
                            desactivados = excluded.desactivados, actualizado_en = now()""")
                .param("id", usuarioId)
                .param("idioma", idioma)
                .param("desactivados", new TreeSet<>(desactivados).toArray(String[]::new))
                .update();
    }

    /** Unsubscribes a user from one kind (the one-click link); idempotent. */
    void desactivar(long usuarioId, String tipo) {
        jdbc.sql("""
                        INSERT INTO notificaciones_preferencias (usuario_id, desactivados) VALUES (:id, ARRAY[:tipo])
                        ON CONFLICT (usuario_id) DO UPDATE SET desactivados = (SELECT array_agg(DISTINCT t ORDER BY t)
                            FROM unnest(notificaciones_preferencias.desactivados || ARRAY[:tipo]) AS t),
                            actualizado_en = now()""").param("id", usuarioId).param("tipo", tipo).update();
    }

    private static Preferencias preferencias(ResultSet rs, int row) throws SQLException {
        return new Preferencias(rs.getString("idioma"), Set.copyOf(Arrays.asList((String[])
                rs.getArray("desactivados").getArray())));
    }
}
