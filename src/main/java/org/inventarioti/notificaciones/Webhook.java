package org.inventarioti.notificaciones;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A webhook subscription as the API shows it: never its secret (given once, when created or
 * rotated). {@code eventos} {@code ["*"]}: every event.
 */
record Webhook(
        long id,
        String nombre,
        String url,
        List<String> eventos,
        String formato,
        boolean activo,
        int fallosSeguidos,
        OffsetDateTime desactivadoEn,
        String motivoDesactivacion,
        String origen,
        OffsetDateTime creadoEn,
        OffsetDateTime actualizadoEn) {

    static final String TODOS = "*";

    boolean recibe(String evento) {
        return eventos.contains(TODOS) || eventos.contains(evento);
    }

    /** What a client may write: every field but the secret, which the server makes. */
    record Peticion(String nombre, String url, List<String> eventos, String formato) {}

    /** The answer to a creation or rotation: the subscription and, this once, its secret. */
    record ConSecreto(Webhook webhook, String secreto) {}

    /** What delivery needs. */
    record Destino(long id, String url, String secreto, boolean activo) {}
}
