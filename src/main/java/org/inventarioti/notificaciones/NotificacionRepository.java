package org.inventarioti.notificaciones;

import java.time.OffsetDateTime;
import java.util.List;
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

    List<Notificacion> recientes(String estado, int limite) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_notificaciones WHERE (CAST(:estado AS text) IS NULL OR estado"
                        + " = :estado) ORDER BY id DESC LIMIT :limite")
                .param("estado", estado)
                .param("limite", limite)
                .query(Notificacion.class)
                .list();
    }
}
