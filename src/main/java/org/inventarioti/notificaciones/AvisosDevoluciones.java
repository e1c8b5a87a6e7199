package org.inventarioti.notificaciones;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.inventarioti.asignaciones.AsignacionesVencidas;
import org.inventarioti.asignaciones.AsignacionesVencidas.Vencida;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.UsuarioView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overdue check-out reminder ({@code devolucion.vencida}): each day, for every open check-out
 * past its expected return date, one e-mail to the person holding it (when they have an e-mail
 * address) and one to every technician and administrator who did not unsubscribe. A person reads
 * it in the language of the user they are linked to, else Spanish; a linked user who unsubscribed
 * from the kind is not written to. The clave is per (check-out, day, recipient), so a rerun the
 * same day queues nothing and the next day reminds again.
 */
@Service
class AvisosDevoluciones {

    static final String DEVOLUCION = "devolucion.vencida";

    private final NotificacionService notificaciones;
    private final TextosNotificacion textos;
    private final AsignacionesVencidas asignaciones;
    private final Clock clock;

    AvisosDevoluciones(
            NotificacionService notificaciones,
            TextosNotificacion textos,
            AsignacionesVencidas asignaciones,
            Clock clock) {
        this.notificaciones = notificaciones;
        this.textos = textos;
        this.asignaciones = asignaciones;
        this.clock = clock;
    }

    /** Queues today's reminders; returns how many were queued. */
    @Transactional
    int devoluciones() {
        LocalDate hoy = LocalDate.now(clock);
        List<UsuarioView> equipo = textos.usuarios().stream()
                .filter(u -> u.rol() == Rol.ADMIN || u.rol() == Rol.TECNICO)
                .filter(u -> textos.preferencias(u.id()).recibe(DEVOLUCION))
                .toList();
        int n = 0;
        for (Vencida v : asignaciones.vencidas()) {
            long dias = ChronoUnit.DAYS.between(v.devolucionPrevista(), hoy);
            String clave = DEVOLUCION + ":" + v.asignacionId() + ":" + hoy + ":";
            if (aLaPersona(v, dias, clave + "persona")) {
                n++;
            }
            for (UsuarioView u : equipo) {
                if (v.email() != null && u.email().equalsIgnoreCase(v.email())) {
                    continue; // the holder already has their own reminder
                }
                Locale idioma = textos.idioma(u.id());
                Object[] args = {v.codigo(), v.nombre(), v.destino(), fecha(v.devolucionPrevista(), idioma), dias};
                if (notificaciones.encolarEmail(
                        u.email(),
                        DEVOLUCION,
                        textos.texto(idioma, "notificacion.devolucion.vencida.equipo.asunto", args),
                        textos.texto(idioma, "notificacion.devolucion.vencida.equipo.cuerpo", args),
                        clave + u.id())) {
                    n++;
                }
            }
        }
        return n;
    }

    private boolean aLaPersona(Vencida v, long dias, String clave) {
        if (v.email() == null || v.email().isBlank()) {
            return false;
        }
        if (v.usuarioId() != null && !textos.preferencias(v.usuarioId()).recibe(DEVOLUCION)) {
            return false;
        }
        Locale idioma = v.usuarioId() == null ? TextosNotificacion.ES : textos.idioma(v.usuarioId());
        Object[] args = {v.codigo(), v.nombre(), fecha(v.devolucionPrevista(), idioma), dias};
        return notificaciones.encolarEmail(
                v.email(),
                DEVOLUCION,
                textos.texto(idioma, "notificacion.devolucion.vencida.asunto", args),
                textos.texto(idioma, "notificacion.devolucion.vencida.cuerpo", args),
                clave);
    }

    private static String fecha(LocalDate fecha, Locale idioma) {
        return fecha.format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(idioma));
    }
}
