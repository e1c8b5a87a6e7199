package org.inventarioti.notificaciones;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox ({@code ops_notificaciones}). */
@Repository
class NotificacionRepository {

    private static final String COLUMNS = "id, canal, destino, evento, asunto, cuerpo, clave, estado, intentos,"
            + " proximo_intento, ultimo_error, creada_en, enviada_en, webhook_id";

    private final JdbcClient jdbc;

    NotificacionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a notification unless one with the same clave exists; true when added. */
    boolean encolar(
            String canal, String destino, String evento, String asunto, String cuerpo, String clave, Long webhookId) {
        return jdbc.sql("""
                        INSERT INTO ops_notificaciones (canal, destino, evento, asunto, cuerpo, clave, webhook_id)
                        VALUES (:canal, :destino, :evento, :asunto, :cuerpo, :clave, :webhook)
                        ON CONFLICT (clave) DO NOTHING""")
                        .param("canal", canal)
                        .param("destino", destino)
                        .param("evento", evento)
                        .param("asunto", asunto)
                        .param("cuerpo", cuerpo)
                        .param("clave", clave)
                        .param("webhook", webhookId)
                        .update()
                == 1;
    }

    /**
     * Claims the due pending notifications: rows locked by another instance's delivery are
     * skipped, so two instances never send the same one at once. Those of a disabled webhook
     * wait until it is enabled again.
     */
    List<Notificacion> pendientes(OffsetDateTime ahora, int limite) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_notificaciones WHERE estado = 'pendiente'"
                        + " AND proximo_intento <= :ahora AND (webhook_id IS NULL OR EXISTS (SELECT 1 FROM ops_webhooks w"
                        + " WHERE w.id = webhook_id AND w.activo)) ORDER BY proximo_intento, id LIMIT :limite"
                        + " FOR UPDATE SKIP LOCKED")
                .param("ahora", ahora)
                .param("limite", limite)
                .query(Notificacion.class)
                .list();
    }

    void enviada(long id, OffsetDateTime ahora) {
        jdbc.sql("UPDATE ops_notificaciones SET estado = 'enviada', intentos = intentos + 1, enviada_en = :ahora,"
                        + " ultimo_error = NULL WHERE id = :id")
                .param("ahora", ahora)
                .param("id", id)
                .update();
    }

    void fallo(long id, String error, OffsetDateTime proximo, boolean rendirse) {
        jdbc.sql("UPDATE ops_notificaciones SET intentos = intentos + 1, ultimo_error = :error,"
                        + " proximo_intento = :proximo, estado = :estado WHERE id = :id")
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("proximo", proximo)
                .param("estado", rendirse ? Notificacion.FALLIDA : Notificacion.PENDIENTE)
                .param("id", id)
                .update();
    }

    /**
     * The latest notifications matching the filter, newest first, {@code limite} of them from
     * before the id {@code filtro.antes()} when given.
     */
    List<Notificacion> buscar(FiltroNotificaciones filtro, int limite) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_notificaciones WHERE " + DONDE
                        + " AND (CAST(:antes AS bigint) IS NULL OR id < :antes) ORDER BY id DESC LIMIT :limite")
                .paramSource(
                        parametros(filtro).addValue("antes", filtro.antes()).addValue("limite", limite))
                .query(Notificacion.class)
                .list();
    }

    /** How many notifications match the filter, by estado (whatever the filter's own estado). */
    Map<String, Long> cuentas(FiltroNotificaciones filtro) {
        Map<String, Long> cuentas = new LinkedHashMap<>();
        for (String estado : FiltroNotificaciones.ESTADOS) {
            cuentas.put(estado, 0L);
        }
        jdbc.sql("SELECT estado, count(*) FROM ops_notificaciones WHERE " + DONDE_SIN_ESTADO + " GROUP BY estado")
                .paramSource(parametros(filtro))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> cuentas.put(e.getKey(), e.getValue()));
        return cuentas;
    }

    /** The distinct eventos of the outbox, for the page's filter. */
    List<String> eventos() {
        return jdbc.sql("SELECT DISTINCT evento FROM ops_notificaciones ORDER BY evento")
                .query(String.class)
                .list();
    }

    Optional<Notificacion> buscar(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_notificaciones WHERE id = :id")
                .param("id", id)
                .query(Notificacion.class)
                .optional();
    }

    /**
     * Puts a failed notification back in the queue, due now, keeping its attempts and last error;
     * false when it is not (or no longer) {@code fallida}.
     */
    boolean reabrir(long id, OffsetDateTime ahora) {
        return jdbc.sql("UPDATE ops_notificaciones SET estado = 'pendiente', proximo_intento = :ahora"
                                + " WHERE id = :id AND estado = 'fallida'")
                        .param("ahora", ahora)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** This pending notification, locked for delivery, unless another delivery holds it or its webhook is disabled. */
    Optional<Notificacion> entregable(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_notificaciones WHERE id = :id AND estado = 'pendiente'"
                        + " AND (webhook_id IS NULL OR EXISTS (SELECT 1 FROM ops_webhooks w WHERE w.id = webhook_id"
                        + " AND w.activo)) FOR UPDATE SKIP LOCKED")
                .param("id", id)
                .query(Notificacion.class)
                .optional();
    }

    private static final String DONDE_SIN_ESTADO = "(CAST(:canal AS text) IS NULL OR canal = :canal)"
            + " AND (CAST(:evento AS text) IS NULL OR evento = :evento)"
            + " AND (CAST(:destino AS text) IS NULL OR strpos(lower(destino), lower(:destino)) > 0)";
    private static final String DONDE = DONDE_SIN_ESTADO + " AND (CAST(:estado AS text) IS NULL OR estado = :estado)";

    private static MapSqlParameterSource parametros(FiltroNotificaciones filtro) {
        return new MapSqlParameterSource()
                .addValue("estado", filtro.estado())
                .addValue("canal", filtro.canal())
                .addValue("evento", filtro.evento())
                .addValue("destino", filtro.destino());
    }
}
