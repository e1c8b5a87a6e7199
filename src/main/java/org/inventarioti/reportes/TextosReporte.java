package org.inventarioti.reportes;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a report value reads in the current language ({@code ${@etiquetas.texto('estado', x)}}):
 * estados (kept in Spanish in the data) through the message files, an empty área as "(sin área)",
 * names of categorías and áreas as they are.
 */
@Component("textosReporte")
public class TextosReporte {

    private final MessageSource messages;

    TextosReporte(MessageSource messages) {
        this.messages = messages;
    }

    public String texto(String dimension, String valor) {
        if ("estado".equals(dimension) && valor != null) {
            return messages.getMessage(
                    "estado." + valor.replace(' ', '_'), null, valor, LocaleContextHolder.getLocale());
        }
        if (valor == null || valor.isEmpty()) {
            return messages.getMessage("reportes.sinValor." + dimension, null, "", LocaleContextHolder.getLocale());
        }
        return valor;
    }
}
