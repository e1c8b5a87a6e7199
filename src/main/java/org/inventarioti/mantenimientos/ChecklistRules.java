package org.inventarioti.mantenimientos;

import java.util.ArrayList;
import java.util.List;
import org.inventarioti.errors.FieldError;
import org.inventarioti.secretos.DetectorSecretos;

/** The rules of a record's checklist: completing needs every task ticked, and a note for each not done. */
final class ChecklistRules {

    private ChecklistRules() {}

    static List<FieldError> problemas(List<Tarea> checklist, boolean completando) {
        List<FieldError> errors = new ArrayList<>();
        if (checklist == null) {
            return errors;
        }
        List<String> sinMarcar = new ArrayList<>();
        for (int i = 0; i < checklist.size(); i++) {
            Tarea t = checklist.get(i);
            if (t == null || t.tarea() == null) {
                continue; // bean validation reports it
            }
            if (completando && !t.marcada()) {
                sinMarcar.add(t.tarea());
            }
            if (Tarea.NO_HECHA.equals(t.resultado())
                    && (t.nota() == null || t.nota().isBlank())) {
                errors.add(FieldError.of(
                        "checklist[" + i + "].nota", "say why the task «" + t.tarea() + "» was not done"));
            }
            for (String text : new String[] {t.tarea(), t.nota()}) {
                if (text != null && text.indexOf('\u0000') >= 0) {
                    errors.add(FieldError.of("checklist[" + i + "]", "must not contain NUL characters"));
                } else if (text != null && DetectorSecretos.pareceSecreto(text)) {
                    errors.add(FieldError.of("checklist[" + i + "]", DetectorSecretos.MENSAJE_VALOR));
                }
            }
        }
        if (!sinMarcar.isEmpty()) {
            errors.add(FieldError.of(
                    "checklist",
                    "tick every task (hecha, no_hecha or no_aplica) before completing; not ticked: "
                            + String.join(", ", sinMarcar)));
        }
        return errors;
    }
}
