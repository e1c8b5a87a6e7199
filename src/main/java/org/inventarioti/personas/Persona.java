package org.inventarioti.personas;

import java.time.OffsetDateTime;
import org.inventarioti.errors.Versioned;

/** Someone who holds equipment; not necessarily a user of the system (optionally linked to one). */
public record Persona(
        long id,
        String nombre,
        String email,
        String numeroEmpleado,
        String area,
        String cargo,
        boolean activa,
        Long usuarioId,
        int version,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy)
        implements Versioned {}
