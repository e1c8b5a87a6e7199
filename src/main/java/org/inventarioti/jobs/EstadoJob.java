package org.inventarioti.jobs;

import java.time.OffsetDateTime;

/** A registered job with its last run (null if it never ran) and its next scheduled time. */
public record EstadoJob(String nombre, String descripcion, String cron, Ejecucion ultima, OffsetDateTime proxima) {}
