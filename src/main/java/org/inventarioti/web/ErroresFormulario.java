package org.inventarioti.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;

/**
 * Puts a service's refusal on a form: each of its field errors becomes an error of the form's
 * BindingResult, on the field it belongs to (or above the form), worded by a message code in the
 * reader's language or in the service's words. The one way every page shows what a service refused.
 */
public final class ErroresFormulario {

    /** The key of the errors above the form in {@link #porCampo}. */
    public static final String GENERAL = "_";

    private ErroresFormulario() {}

    /**
     * Where a field error goes: {@code campo} (null: above the form), said by {@code codigo} with
     * {@code argumentos}, or by {@code mensaje} when the code has no text (or there is no code).
     */
    public record Destino(String campo, String codigo, Object[] argumentos, String mensaje) {

        public static Destino campo(String campo, String mensaje) {
            return new Destino(campo, null, null, mensaje);
        }

        public static Destino general(String codigo) {
            return new Destino(null, codigo, null, null);
        }
    }

    /** Every field error of the refusal, each where {@code destino} puts it; {@code general} when it names none. */
    public static void rechazar(
            InvalidException e, BindingResult result, Function<FieldError, Destino> destino, String general) {
        if (e.errors().isEmpty()) {
            result.reject(general);
            return;
        }
        e.errors().forEach(error -> anadir(result, enPalabras(destino.apply(error), error)));
    }

    /** A destination worded only by the service's message gets the error's code ({@link Textos#enPalabras}). */
    private static Destino enPalabras(Destino destino, FieldError error) {
        if (destino.codigo() != null
                || error.code() == null
                || destino.mensaje() == null
                || !destino.mensaje().equals(error.message())) {
            return destino;
        }
        String codigo = "validacion." + error.code();
        return new Destino(destino.campo(), codigo, error.args().toArray(), destino.mensaje());
    }

    public static void anadir(BindingResult result, Destino destino) {
        String[] codigos = destino.codigo() == null ? null : new String[] {destino.codigo()};
        String mensaje = destino.mensaje() != null || codigos == null ? destino.mensaje() : destino.codigo();
        if (destino.campo() == null) {
            result.addError(new ObjectError(result.getObjectName(), codigos, destino.argumentos(), mensaje));
            return;
        }
        result.addError(new org.springframework.validation.FieldError(
                result.getObjectName(),
                destino.campo(),
                valor(result, destino.campo()),
                false,
                codigos,
                destino.argumentos(),
                mensaje));
    }

    /** The form's errors as texts by field ({@link #GENERAL} for those above it), for forms whose fields are not bean properties. */
    public static Map<String, List<String>> porCampo(BindingResult result, MessageSource messages, Locale locale) {
        Map<String, List<String>> errores = new LinkedHashMap<>();
        for (ObjectError error : result.getAllErrors()) {
            String campo = error instanceof org.springframework.validation.FieldError f ? f.getField() : GENERAL;
            errores.computeIfAbsent(campo, k -> new ArrayList<>()).add(messages.getMessage(error, locale));
        }
        return errores;
    }

    private static Object valor(BindingResult result, String campo) {
        try {
            return result.getTarget() == null ? null : result.getRawFieldValue(campo);
        } catch (RuntimeException e) {
            return null; // a field the form shows but the form object does not have as a property
        }
    }
}
