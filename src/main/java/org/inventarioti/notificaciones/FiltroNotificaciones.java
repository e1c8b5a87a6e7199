package org.inventarioti.notificaciones;

import java.util.List;
import org.inventarioti.errors.MalformedException;

/**
 * What the outbox page and {@code /api/notificaciones} filter by; every part optional. {@code
 * destino} matches part of the address or URL ignoring case; {@code antes} pages to older ones (ids
 * below it).
 */
record FiltroNotificaciones(String estado, String canal, String evento, String destino, Long antes) {

    static final List<String> ESTADOS = List.of(Notificacion.PENDIENTE, Notificacion.FALLIDA, Notificacion.ENVIADA);
    static final List<String> CANALES = List.of(Notificacion.EMAIL, Notificacion.WEBHOOK);

    /** Blank parts mean "any"; an unknown estado or canal is refused. */
    FiltroNotificaciones {
        estado = vacio(estado);
        canal = vacio(canal);
        evento = vacio(evento);
        destino = vacio(destino);
        if (estado != null && !ESTADOS.contains(estado)) {
            throw new MalformedException("estado must be one of " + ESTADOS, "estado");
        }
        if (canal != null && !CANALES.contains(canal)) {
            throw new MalformedException("canal must be one of " + CANALES, "canal");
        }
        if (destino != null && destino.length() > 200) {
            throw new MalformedException("destino: at most 200 characters", "destino");
        }
        if (evento != null && evento.length() > 100) {
            throw new MalformedException("evento: at most 100 characters", "evento");
        }
    }

    static FiltroNotificaciones todas() {
        return new FiltroNotificaciones(null, null, null, null, null);
    }

    private static String vacio(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
