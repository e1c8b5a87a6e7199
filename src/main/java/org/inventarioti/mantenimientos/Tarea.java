package org.inventarioti.mantenimientos;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One task of a maintenance record's checklist (copied from its plan): {@code resultado} is null
 * until ticked, then {@code hecha}, {@code no_hecha} or {@code no_aplica}. Completing a record
 * needs every task ticked, and a note for each one not done.
 */
public record Tarea(
        @NotBlank @Size(max = 200) String tarea,

        @Pattern(regexp = "hecha|no_hecha|no_aplica", message = "must be one of: hecha, no_hecha, no_aplica")
        String resultado,

        @Size(max = 1000) String nota) {

    public static final String HECHA = "hecha";
    public static final String NO_HECHA = "no_hecha";
    public static final String NO_APLICA = "no_aplica";
    public static final List<String> RESULTADOS = List.of(HECHA, NO_HECHA, NO_APLICA);

    /** The tasks still to be ticked, as stored for a generated record. */
    static List<Map<String, Object>> pendientes(List<String> tareas) {
        return tareas.stream()
                .map(t -> {
                    Map<String, Object> tarea = new java.util.LinkedHashMap<>();
                    tarea.put("tarea", t);
                    tarea.put("resultado", null);
                    tarea.put("nota", null);
                    return tarea;
                })
                .toList();
    }

    boolean marcada() {
        return resultado != null;
    }
}
