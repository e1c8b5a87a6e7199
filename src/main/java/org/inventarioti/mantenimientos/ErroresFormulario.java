package org.inventarioti.mantenimientos;

import java.util.List;
import java.util.Map;
import org.inventarioti.errors.InvalidException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** The service's 422 field errors, shown next to the form fields they name. */
final class ErroresFormulario {

    private static final Map<String, String> CAMPOS = Map.of(
            "activo_id", "activoCodigo",
            "tipo", "tipo",
            "titulo", "titulo",
            "descripcion", "descripcion",
            "estado", "estado",
            "fecha_programada", "fechaProgramada",
            "tecnico_id", "tecnicoId",
            "costo", "costo",
            "notas", "notas");

    private ErroresFormulario() {}

    static void rechazar(InvalidException e, BindingResult result) {
        List<org.inventarioti.errors.FieldError> errores = e.errors();
        if (errores.isEmpty()) {
            result.reject("mantenimientos.error.invalido");
            return;
        }
        for (org.inventarioti.errors.FieldError error : errores) {
            if (CAMPOS.containsKey(error.field())) {
                String campo = CAMPOS.get(error.field());
                result.addError(new FieldError(
                        result.getObjectName(),
                        campo,
                        result.getRawFieldValue(campo),
                        false,
                        null,
                        null,
                        error.message()));
            } else {
                result.reject("mantenimientos.error.invalido");
            }
        }
    }
}
