package org.inventarioti.notificaciones;

import java.time.OffsetDateTime;

/**
 * One notification of the outbox. {@code estado}: pendiente, enviada or fallida (gave up);
 * {@code webhookId}: the subscription a webhook notification goes to.
 */
public record Notificacion(
        long id,
        String canal,
        String destino,
        String evento,
        String asunto,
        String cuerpo,
        String clave,
        String estado,
        int intentos,
        OffsetDateTime proximoIntento,
        String ultimoError,
        OffsetDateTime creadaEn,
        OffsetDateTime enviadaEn,
        Long webhookId) {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";
    public static final String PENDIENTE = "pendiente";
    public static final String ENVIADA = "enviada";
    public static final String FALLIDA = "fallida";
}
