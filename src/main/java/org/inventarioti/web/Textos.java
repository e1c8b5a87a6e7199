package org.inventarioti.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A message for a value that may have none ({@code ${@textos.o('auditoria.accion.' + a, a)}}):
 * new audit actions or entities show their raw name until the message files name them.
 */
@Component("textos")
public class Textos {

    private final MessageSource messages;

    Textos(MessageSource messages) {
        this.messages = messages;
    }

    public String o(String clave, String porDefecto) {
        return messages.getMessage(clave, null, porDefecto, LocaleContextHolder.getLocale());
    }
}
