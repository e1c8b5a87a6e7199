package org.inventarioti.web;

import org.inventarioti.errors.FieldError;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A message for a value that may have none ({@code ${@textos.o('auditoria.accion.' + a, a)}}):
 * new audit actions or entities show their raw name until the message files name them.
 */
@Component("textos")
public class Textos {

    private static final String ESPECIFICACIONES = "especificaciones.";

    private final MessageSource messages;

    Textos(MessageSource messages) {
        this.messages = messages;
    }

    public String o(String clave, String porDefecto) {
        return messages.getMessage(clave, null, porDefecto, LocaleContextHolder.getLocale());
    }

    /**
     * A submitted value a page shows again outside {@code th:field} (hidden fields, labels, {@code
     * th:value}) without the secret it may hold, as {@link FormulariosSinSecretos} does for fields.
     */
    public String sinSecretos(String valor) {
        return valor == null ? null : org.inventarioti.secretos.DetectorSecretos.retirar(valor, "");
    }

    /**
     * A refusal in the reader's words ({@link #enPalabras}); otherwise as the service wrote it.
     */
    public String error(FieldError error) {
        String texto = enPalabras(messages, error, LocaleContextHolder.getLocale());
        return texto != null ? texto : error.message();
    }

    /**
     * A field error in the reader's language, or null when its code has no text: a JSON Schema
     * keyword by {@code activos.error.esquema.<keyword>}, a Bean Validation constraint by {@code
     * validacion.<Constraint>} ({@code NotBlank}, {@code Size} with its bounds…).
     */
    public static String enPalabras(MessageSource messages, FieldError error, java.util.Locale locale) {
        if (error.code() == null) {
            return null;
        }
        Object[] args = error.args().toArray();
        String texto = messages.getMessage("activos.error.esquema." + error.code(), args, null, locale);
        return texto != null ? texto : messages.getMessage("validacion." + error.code(), args, null, locale);
    }

    /** The specification key a field names ({@code especificaciones.so} is {@code so}). */
    public String clave(String campo) {
        return campo.startsWith(ESPECIFICACIONES) ? campo.substring(ESPECIFICACIONES.length()) : campo;
    }
}
