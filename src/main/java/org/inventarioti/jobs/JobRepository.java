package org.inventarioti.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The runs of the jobs ({@code ops_jobs_ejecuciones}). */
@Repository
class JobRepository {

    private static final String COLUMNS = "id, job, instancia, origen, inicio, fin, resultado, detalle";
    private static final int MAX_DETALLE = 4000;

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long iniciar(String job, String instancia, String origen, OffsetDateTime inicio) {
        return jdbc.sql("""
                        INSERT INTO ops_jobs_ejecuciones (job, instancia, origen, inicio, resultado)
                        VALUES (:job, :instancia, :origen, :inicio, 'en_curso') RETURNING id""")
                .param("job", job)
                .param("instancia", instancia)
                .param("origen", origen)
                .param("inicio", inicio)
                .query(Long.class)
                .single();
    }

    void terminar(long id, OffsetDateTime fin, String resultado, String detalle) {
        jdbc.sql(
                        "UPDATE ops_jobs_ejecuciones SET fin = :fin, resultado = :resultado, detalle = :detalle WHERE id = :id")
                .param("fin", fin)
                .param("resultado", resultado)
                .param(
                        "detalle",
                        detalle == null || detalle.length() <= MAX_DETALLE
                                ? detalle
                                : detalle.substring(0, MAX_DETALLE))
                .param("id", id)
                .update();
    }

    Optional<Ejecucion> ultima(String job) {
        return recientes(job, 1).stream().findFirst();
    }

    List<Ejecucion> recientes(String job, int limite) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM ops_jobs_ejecuciones WHERE job = :job ORDER BY inicio DESC, id DESC"
                        + " LIMIT :limite")
                .param("job", job)
                .param("limite", limite)
                .query(Ejecucion.class)
                .list();
    }
}
