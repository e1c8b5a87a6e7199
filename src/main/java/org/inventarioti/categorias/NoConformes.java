package org.inventarioti.categorias;

import java.util.List;
import org.inventarioti.errors.FieldError;

/**
 * The assets of a category whose especificaciones do not follow its schema (after a schema
 * change): how many, and the first ones with their errors. They stay as they are until edited.
 */
public record NoConformes(long total, List<ActivoNoConforme> activos) {

    public static final int MAX_LISTED = 100;

    public record ActivoNoConforme(long id, String codigo, List<FieldError> errores) {}
}
