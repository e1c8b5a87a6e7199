package org.inventarioti.activos;

import java.util.List;
import org.inventarioti.categorias.ClavesEspecificacion;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.DomainException;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.VersionRequiredException;
import org.inventarioti.secretos.DetectorSecretos;
import org.inventarioti.web.ErroresFormulario;
import org.inventarioti.web.Textos;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Where the asset form shows an error, and in which words: {@code nombre} on the name, {@code
 * especificaciones.ram} on the schema's RAM field or on the free row whose key normalises to
 * {@code ram} ({@code extra.<row>}); anything else above the form. The refusals the form knows (by
 * their type, the schema keyword, or the domain's rule for the field at fault) are said in the
 * reader's language; the rest as the service wrote them.
 */
@Component
class ErroresActivo {

    static final String EXTRA = "extra.";

    private final MessageSource messages;

    ErroresActivo(MessageSource messages) {
        this.messages = messages;
    }

    /** The fields whose text has the wrong shape ({@link FormularioActivo.Lectura#malFormados()}). */
    void malFormados(List<String> campos, FormularioActivo form, BindingResult result) {
        for (String campo : campos) {
            if (campo.startsWith(FormularioActivo.PREFIJO)) {
                String clave = campo.substring(FormularioActivo.PREFIJO.length());
                anadir(result, destino(campo, form), texto("activos.error.claveRepetida", clave));
            } else {
                anadir(result, campo, texto("typeMismatch"));
            }
        }
    }

    /** The service's objections besides the form's own, on the inputs that have no error yet. */
    void tambien(List<FieldError> problemas, FormularioActivo form, BindingResult result) {
        List<FieldError> otros = problemas.stream()
                .filter(error -> {
                    String campo = destino(error.field(), form);
                    return campo != null && !result.hasFieldErrors(campo);
                })
                .toList();
        if (!otros.isEmpty()) {
            de(new InvalidException(otros), form, result);
        }
    }

    void de(DomainException e, FormularioActivo form, BindingResult result) {
        if (e instanceof ConflictException conflicto
                && conflicto.field().orElse("").equals("numero_serie")) {
            anadir(result, "numero_serie", texto("activos.error.serieDuplicada"));
        } else if (e instanceof VersionRequiredException) {
            anadir(result, "version", texto("activos.error.requerido"));
        } else if (e instanceof InvalidException invalido && !invalido.errors().isEmpty()) {
            ErroresFormulario.rechazar(
                    invalido,
                    result,
                    error -> destino(destino(error.field(), form), texto(error, form)),
                    "activos.error.revise");
        } else {
            anadir(result, null, e.detail());
        }
    }

    /** The input an error belongs to (null: above the form). */
    static String destino(String campo, FormularioActivo form) {
        if (campo.startsWith(FormularioActivo.PREFIJO)) {
            String resto = campo.substring(FormularioActivo.PREFIJO.length());
            String clave = resto.split("[.\\[]", 2)[0];
            List<FormularioActivo.Par> extras = form.extras();
            for (int i = 0; i < extras.size(); i++) {
                if (ClavesEspecificacion.normalizar(extras.get(i).clave()).equals(clave)) {
                    return EXTRA + i;
                }
            }
            return form.especificaciones().containsKey(clave) ? FormularioActivo.PREFIJO + clave : "especificaciones";
        }
        return FormularioActivo.CAMPOS.contains(campo) || campo.equals("especificaciones") ? campo : null;
    }

    private String texto(FieldError error, FormularioActivo form) {
        String m = error.message();
        String campo = error.field();
        if (campo.startsWith(FormularioActivo.PREFIJO)
                && DetectorSecretos.claveSensible(campo.substring(FormularioActivo.PREFIJO.length()))) {
            return texto("activos.error.claveSecreta");
        }
        if (ReglasEspecificaciones.pareceSecreto(form.enviado(campo))) {
            return texto("activos.error.valorSecreto");
        }
        if (campo.equals("categoria_id") && form.categoriaId() != null) {
            return texto("activos.error.categoria");
        }
        // a keyword of the category's JSON Schema or a constraint: in the user's language when we know it
        String localizado = Textos.enPalabras(messages, error, LocaleContextHolder.getLocale());
        return localizado == null ? m : localizado;
    }

    private String texto(String clave, Object... args) {
        return messages.getMessage(clave, args, clave, LocaleContextHolder.getLocale());
    }

    private static ErroresFormulario.Destino destino(String campo, String texto) {
        return ErroresFormulario.Destino.campo(campo, texto);
    }

    private static void anadir(BindingResult result, String campo, String texto) {
        ErroresFormulario.anadir(result, destino(campo, texto));
    }
}
