package org.inventarioti.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;

/** One recorded run of a job. {@code resultado}: {@code en_curso}, {@code ok} or {@code error}. */
public record Ejecucion(
        long id,
        String job,
        String instancia,
        String origen,
        OffsetDateTime inicio,
        OffsetDateTime fin,
        String resultado,
        String detalle) {

    public static final String PROGRAMADO = "programado";
    public static final String MANUAL = "manual";
    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String EN_CURSO = "en_curso";

    /** Milliseconds the run took, or null while it runs. */
    public Long duracionMs() {
        return fin == null ? null : Duration.between(inicio, fin).toMillis();
    }
}
