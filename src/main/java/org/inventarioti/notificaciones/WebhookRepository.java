package org.inventarioti.notificaciones;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook subscriptions ({@code ops_webhooks}). */
@Repository
class WebhookRepository {

    private static final String COLUMNS = "id, nombre, url, eventos, formato, activo, fallos_seguidos, desactivado_en,"
            + " motivo_desactivacion, origen, creado_en, actualizado_en";

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Webhook> listar() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_webhooks ORDER BY id")
                .query(WebhookRepository::webhook)
                .list();
    }

    Optional<Webhook> buscar(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_webhooks WHERE id = :id")
                .param("id", id)
                .query(WebhookRepository::webhook)
                .optional();
    }

    /** The active subscriptions, for queueing an event. */
    List<Webhook> activos() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ops_webhooks WHERE activo ORDER BY id")
                .query(WebhookRepository::webhook)
                .list();
    }

    Optional<Webhook.Destino> destino(long id) {
        return jdbc.sql("SELECT id, url, secreto, activo FROM ops_webhooks WHERE id = :id")
                .param("id", id)
                .query(Webhook.Destino.class)
                .optional();
    }

    long crear(Webhook.Peticion p, String[] eventos, String secreto, String origen) {
        return jdbc.sql("""
                        INSERT INTO ops_webhooks (nombre, url, eventos, formato, secreto, origen)
                        VALUES (:nombre, :url, CAST(:eventos AS text[]), :formato, :secreto, :origen) RETURNING id""")
                .param("nombre", p.nombre())
                .param("url", p.url())
                .param("eventos", eventos)
                .param("formato", p.formato())
                .param("secreto", secreto)
                .param("origen", origen)
                .query(Long.class)
                .single();
    }

    /** The subscription of the properties, once: false when it was imported before. */
    boolean importar(Webhook.Peticion p, String secreto) {
        return jdbc.sql("""
                        INSERT INTO ops_webhooks (nombre, url, formato, secreto, origen)
                        VALUES (:nombre, :url, :formato, :secreto, 'propiedades')
                        ON CONFLICT (origen) WHERE origen = 'propiedades' DO NOTHING""")
                        .param("nombre", p.nombre())
                        .param("url", p.url())
                        .param("formato", p.formato())
                        .param("secreto", secreto)
                        .update()
                == 1;
    }

    boolean actualizar(long id, Webhook.Peticion p, String[] eventos) {
        return jdbc.sql(
                                "UPDATE ops_webhooks SET nombre = :nombre, url = :url, eventos = CAST(:eventos AS text[]), formato = :formato,"
                                        + " actualizado_en = now() WHERE id = :id")
                        .param("nombre", p.nombre())
                        .param("url", p.url())
                        .param("eventos", eventos)
                        .param("formato", p.formato())
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean secreto(long id, String secreto) {
        return jdbc.sql("UPDATE ops_webhooks SET secreto = :secreto, actualizado_en = now() WHERE id = :id")
                        .param("secreto", secreto)
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean activar(long id) {
        return jdbc.sql("UPDATE ops_webhooks SET activo = true, fallos_seguidos = 0, desactivado_en = NULL,"
                                + " motivo_desactivacion = NULL, actualizado_en = now() WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Removes a subscription; what was still pending for it is marked fallida first. */
    boolean eliminar(long id) {
        jdbc.sql("UPDATE ops_notificaciones SET estado = 'fallida', ultimo_error = 'webhook deleted'"
                        + " WHERE webhook_id = :id AND estado = 'pendiente'")
                .param("id", id)
                .update();
        return jdbc.sql("DELETE FROM ops_webhooks WHERE id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    void exito(long id) {
        jdbc.sql("UPDATE ops_webhooks SET fallos_seguidos = 0 WHERE id = :id AND fallos_seguidos <> 0")
                .param("id", id)
                .update();
    }

    /**
     * Counts a failed delivery; at {@code limite} consecutive failures an active subscription is
     * disabled. True when this failure disabled it.
     */
    boolean fallo(long id, int limite, String motivo, OffsetDateTime ahora) {
        Integer fallos = jdbc.sql("UPDATE ops_webhooks SET fallos_seguidos = fallos_seguidos + 1 WHERE id = :id"
                        + " RETURNING fallos_seguidos")
                .param("id", id)
                .query(Integer.class)
                .optional()
                .orElse(0);
        if (fallos < limite) {
            return false;
        }
        return jdbc.sql("UPDATE ops_webhooks SET activo = false, desactivado_en = :ahora, motivo_desactivacion ="
                                + " :motivo, actualizado_en = :ahora WHERE id = :id AND activo")
                        .param("ahora", ahora)
                        .param("motivo", motivo.length() > 500 ? motivo.substring(0, 500) : motivo)
                        .param("id", id)
                        .update()
                == 1;
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        Array eventos = rs.getArray("eventos");
        return new Webhook(
                rs.getLong("id"),
                rs.getString("nombre"),
                rs.getString("url"),
                eventos == null ? List.of(Webhook.TODOS) : Arrays.asList((String[]) eventos.getArray()),
                rs.getString("formato"),
                rs.getBoolean("activo"),
                rs.getInt("fallos_seguidos"),
                rs.getObject("desactivado_en", OffsetDateTime.class),
                rs.getString("motivo_desactivacion"),
                rs.getString("origen"),
                rs.getObject("creado_en", OffsetDateTime.class),
                rs.getObject("actualizado_en", OffsetDateTime.class));
    }
}
