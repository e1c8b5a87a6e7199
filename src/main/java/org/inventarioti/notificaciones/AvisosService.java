package org.inventarioti.notificaciones;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.inventarioti.activos.GarantiasPorVencer;
import org.inventarioti.mantenimientos.MantenimientosPorAvisar;
import org.inventarioti.mantenimientos.MantenimientosPorAvisar.Abierto;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.UsuarioView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder e-mails the daily jobs queue, each in its recipient's language and only to those
 * who did not unsubscribe from its kind. Each carries a clave per (kind, record, date), so a rerun
 * the same day — or on any later day — queues nothing twice.
 */
@Service
class AvisosService {

    static final String VENCE = "mantenimiento.vence";
    static final String VENCIDO = "mantenimiento.vencido";
    static final String GARANTIA = "garantia.vence";
    static final String RESUMEN = "resumen.diario";

    private final NotificacionService notificaciones;
    private final TextosNotificacion textos;
    private final MantenimientosPorAvisar mantenimientos;
    private final GarantiasPorVencer garantias;
    private final Clock clock;
    private final int diasAviso;

    AvisosService(
            NotificacionService notificaciones,
            TextosNotificacion textos,
            MantenimientosPorAvisar mantenimientos,
            GarantiasPorVencer garantias,
            Clock clock,
            @Value("${inventario.notificaciones.dias-aviso:3}") int diasAviso) {
        this.notificaciones = notificaciones;
        this.textos = textos;
        this.mantenimientos = mantenimientos;
        this.garantias = garantias;
        this.clock = clock;
        this.diasAviso = diasAviso;
    }

    /**
     * Tells each technician of their open records due within {@code dias-aviso} days (once per
     * record and due date) and of those overdue (once more, when they become so); returns how many were queued.
     */
    @Transactional
    int mantenimientos() {
        LocalDate hoy = LocalDate.now(clock);
        Map<Long, UsuarioView> usuarios = porId();
        int n = 0;
        for (Abierto m : mantenimientos.abiertosHasta(hoy.plusDays(diasAviso))) {
            UsuarioView tecnico = usuarios.get(m.tecnicoId());
            String tipo = m.fechaProgramada().isBefore(hoy) ? VENCIDO : VENCE;
            if (tecnico == null || !textos.preferencias(tecnico.id()).recibe(tipo)) {
                continue;
            }
            Locale idioma = textos.idioma(tecnico.id());
            String fecha = fecha(m.fechaProgramada(), idioma);
            if (notificaciones.encolarEmail(
                    tecnico.email(),
                    tipo,
                    textos.texto(idioma, "notificacion." + tipo + ".asunto", m.titulo(), m.activoCodigo()),
                    textos.texto(idioma, "notificacion." + tipo + ".cuerpo", m.titulo(), m.activoCodigo(), fecha),
                    tipo + ":" + m.id() + ":" + m.fechaProgramada())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Tells every administrator of warranties ending within 30 days and again within 7 (once
     * each per asset and end date; retired assets are left out); returns how many were queued.
     */
    @Transactional
    int garantias() {
        LocalDate hoy = LocalDate.now(clock);
        List<UsuarioView> admins = textos.administradores();
        int n = 0;
        for (var g : garantias.entre(hoy.minusDays(1), hoy.plusDays(30))) {
            int umbral = g.garantiaHasta().isAfter(hoy.plusDays(7)) ? 30 : 7;
            for (UsuarioView admin : admins) {
                if (!textos.preferencias(admin.id()).recibe(GARANTIA)) {
                    continue;
                }
                Locale idioma = textos.idioma(admin.id());
                if (notificaciones.encolarEmail(
                        admin.email(),
                        GARANTIA,
                        textos.texto(idioma, "notificacion.garantia.vence.asunto", g.codigo(), umbral),
                        textos.texto(
                                idioma,
                                "notificacion.garantia.vence.cuerpo",
                                g.codigo(),
                                g.nombre(),
                                fecha(g.garantiaHasta(), idioma)),
                        GARANTIA + ":" + g.id() + ":" + g.garantiaHasta() + ":" + umbral + ":" + admin.id())) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * A digest per technician or administrator of their open records overdue or due within 7 days,
     * once a day; nobody gets an empty one. Returns how many were queued.
     */
    @Transactional
    int resumenes() {
        LocalDate hoy = LocalDate.now(clock);
        Map<Long, List<Abierto>> porTecnico = mantenimientos.abiertosHasta(hoy.plusDays(7)).stream()
                .collect(Collectors.groupingBy(Abierto::tecnicoId));
        int n = 0;
        for (UsuarioView u : textos.usuarios()) {
            List<Abierto> suyos = porTecnico.getOrDefault(u.id(), List.of());
            if (u.rol() == Rol.LECTOR
                    || suyos.isEmpty()
                    || !textos.preferencias(u.id()).recibe(RESUMEN)) {
                continue;
            }
            Locale idioma = textos.idioma(u.id());
            StringBuilder cuerpo =
                    new StringBuilder(textos.texto(idioma, "notificacion.resumen.diario.cuerpo", suyos.size()));
            cuerpo.append('\n');
            for (Abierto m : suyos) {
                String marca = m.fechaProgramada().isBefore(hoy)
                        ? " (" + textos.texto(idioma, "notificacion.resumen.vencido") + ")"
                        : "";
                cuerpo.append("\n- ")
                        .append(fecha(m.fechaProgramada(), idioma))
                        .append("  ")
                        .append(m.activoCodigo())
                        .append("  ")
                        .append(m.titulo())
                        .append(marca);
            }
            if (notificaciones.encolarEmail(
                    u.email(),
                    RESUMEN,
                    textos.texto(idioma, "notificacion.resumen.diario.asunto", fecha(hoy, idioma)),
                    cuerpo.toString(),
                    RESUMEN + ":" + u.id() + ":" + hoy)) {
                n++;
            }
        }
        return n;
    }

    private Map<Long, UsuarioView> porId() {
        return textos.usuarios().stream().collect(Collectors.toMap(UsuarioView::id, u -> u));
    }

    private static String fecha(LocalDate fecha, Locale idioma) {
        return fecha.format(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(idioma));
    }
}
