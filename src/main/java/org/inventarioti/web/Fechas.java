package org.inventarioti.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates for the templates ({@code ${@fechas.fechaHora(x)}}): in the server's time zone and the
 * reader's language; a dash when there is none.
 */
@Component("fechas")
public class Fechas {

    static final String NINGUNA = "—";

    private final ZoneId zona = ZoneId.systemDefault();

    public String fechaHora(OffsetDateTime instante) {
        if (instante == null) {
            return NINGUNA;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .format(instante.atZoneSameInstant(zona));
    }

    public String fecha(LocalDate fecha) {
        if (fecha == null) {
            return NINGUNA;
        }
        return DateTimeFormatter.ISO_LOCAL_DATE.format(fecha);
    }

    public ZoneId zona() {
        return zona;
    }
}
