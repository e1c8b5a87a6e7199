package org.inventarioti.mantenimientos;

import java.util.Map;
import java.util.Optional;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.web.ErroresFormulario;
import org.springframework.validation.BindingResult;

/** Where the maintenance form shows each of the service's objections, in the reader's words. */
final class ErroresMantenimiento {

    private ErroresMantenimiento() {}

    /** The form's field for each field of the service's request. */
    static final Map<String, String> CAMPOS = Map.of(
            "activo_id", "activoCodigo",
            "tipo", "tipo",
            "titulo", "titulo",
            "descripcion", "descripcion",
            "estado", "estado",
            "fecha_programada", "fechaProgramada",
            "tecnico_id", "tecnicoId",
            "costo", "costo",
            "notas", "notas");

    /** The reader's words for the service's objections to a field the form does not check itself. */
    static final Map<String, String> MENSAJES = Map.of(
            "activo_id", "mantenimientos.error.activo",
            "tipo", "mantenimientos.error.tipo",
            "estado", "mantenimientos.error.estado",
            "tecnico_id", "mantenimientos.error.tecnico",
            "costo", "mantenimientos.error.costo",
            "fecha_programada", "typeMismatch",
            "titulo", "mantenimientos.error.texto",
            "descripcion", "mantenimientos.error.texto",
            "notas", "mantenimientos.error.texto");

    static void rechazar(InvalidException e, BindingResult result) {
        ErroresFormulario.rechazar(
                e,
                result,
                error -> CAMPOS.containsKey(error.field())
                        ? new ErroresFormulario.Destino(
                                CAMPOS.get(error.field()), MENSAJES.get(error.field()), null, error.message())
                        : destinoDeChecklist(error),
                "mantenimientos.error.invalido");
    }

    /** A checklist error: the unticked tasks above the form, a task's note on its field. */
    private static ErroresFormulario.Destino destinoDeChecklist(org.inventarioti.errors.FieldError error) {
        var tarea =
                java.util.regex.Pattern.compile("checklist\\[(\\d+)](\\.nota)?").matcher(error.field());
        if (error.field().equals("checklist")) {
            return new ErroresFormulario.Destino(null, "mantenimientos.error.checklist", null, error.message());
        }
        if (tarea.matches()) {
            return new ErroresFormulario.Destino(
                    "notasTarea[" + tarea.group(1) + "]", "mantenimientos.error.tareaNota", null, error.message());
        }
        return ErroresFormulario.Destino.general("mantenimientos.error.invalido");
    }

    /** The form's field for a field of the service's request, if the form has one. */
    static Optional<String> campo(String campoDelServicio) {
        return Optional.ofNullable(CAMPOS.get(campoDelServicio));
    }
}
