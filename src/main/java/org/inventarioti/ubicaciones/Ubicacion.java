package org.inventarioti.ubicaciones;

import java.time.OffsetDateTime;
import org.inventarioti.errors.Versioned;

/** A place in the tree (site › building › floor › room), with its path from the root. */
public record Ubicacion(
        long id,
        String nombre,
        Long padreId,
        String ruta,
        int nivel,
        int version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy)
        implements Versioned {

    /** Between the parts of a path. */
    public static final String SEPARADOR = " › ";
}
