package org.inventarioti.notificaciones;

/** A way out for notifications (e-mail, webhook). {@link #enviar} throws when delivery failed. */
interface Canal {

    String nombre();

    void enviar(Notificacion notificacion) throws Exception;
}
