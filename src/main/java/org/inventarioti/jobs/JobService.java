package org.inventarioti.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.inventarioti.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * Runs the registered {@link Job}s: each run takes the job's ShedLock row first, so across any
 * number of instances on one database a slot runs once; the instances that find the row taken skip
 * the slot (counted in {@code inventario.jobs.omitidas}). Every run is recorded with its outcome and
 * timed in {@code inventario.jobs.ejecucion}.
 */
@Service
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final Pattern NOMBRE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final LockingTaskExecutor executor;
    private final JobRepository repository;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String instancia;

    JobService(
            List<Job> jobs,
            LockingTaskExecutor executor,
            JobRepository repository,
            MeterRegistry meters,
            Clock clock,
            JobsConfiguration.Instancia instancia) {
        jobs.stream().sorted(Comparator.comparing(Job::nombre)).forEach(job -> {
            if (!NOMBRE.matcher(job.nombre()).matches()) {
                throw new IllegalStateException("job name must match " + NOMBRE + ": " + job.nombre());
            }
            if (!CronExpression.isValidExpression(job.cron())) {
                throw new IllegalStateException("job " + job.nombre() + " has an invalid cron: " + job.cron());
            }
            if (this.jobs.put(job.nombre(), job) != null) {
                throw new IllegalStateException("two jobs are named " + job.nombre());
            }
        });
        this.executor = executor;
        this.repository = repository;
        this.meters = meters;
        this.clock = clock;
        this.instancia = instancia.nombre();
    }

    /** The registered jobs, by name. */
    public List<Job> jobs() {
        return List.copyOf(jobs.values());
    }

    /**
     * Runs a job now unless another instance holds its slot. Returns the recorded run (its
     * {@code resultado} says whether the job failed), or empty when the slot was taken.
     */
    public Optional<Ejecucion> ejecutar(String nombre, String origen) {
        Job job = job(nombre);
        OffsetDateTime now = OffsetDateTime.now(clock);
        LockConfiguration lock =
                new LockConfiguration(now.toInstant(), job.nombre(), job.bloqueoMaximo(), job.bloqueoMinimo());
        try {
            var result = executor.executeWithLock(() -> run(job, origen), lock);
            if (!result.wasExecuted()) {
                Counter.builder("inventario.jobs.omitidas")
                        .description("Runs skipped because another instance held the slot")
                        .tag("job", job.nombre())
                        .register(meters)
                        .increment();
                log.debug("job {} skipped: its slot is held by another run", job.nombre());
                return Optional.empty();
            }
            return Optional.of(result.getResult());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Ejecucion run(Job job, String origen) {
        OffsetDateTime inicio = now();
        long id = repository.iniciar(job.nombre(), instancia, origen, inicio);
        String resultado = Ejecucion.OK;
        String detalle;
        try {
            detalle = job.ejecutar();
        } catch (Exception | LinkageError e) {
            resultado = Ejecucion.ERROR;
            detalle = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.warn("job {} failed: {}", job.nombre(), detalle, e);
        }
        OffsetDateTime fin = now();
        repository.terminar(id, fin, resultado, detalle);
        Timer.builder("inventario.jobs.ejecucion")
                .description("Runs of the scheduler's jobs")
                .tag("job", job.nombre())
                .tag("resultado", resultado)
                .register(meters)
                .record(java.time.Duration.between(inicio, fin));
        return new Ejecucion(id, job.nombre(), instancia, origen, inicio, fin, resultado, detalle);
    }

    /** Every job with its last run and next scheduled time. */
    public List<EstadoJob> estado() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jobs.values().stream()
                .map(job -> new EstadoJob(
                        job.nombre(),
                        job.descripcion(),
                        job.cron(),
                        repository.ultima(job.nombre()).orElse(null),
                        job.programado() ? CronExpression.parse(job.cron()).next(now) : null))
                .toList();
    }

    /** The latest runs of one job, newest first. */
    public List<Ejecucion> ejecuciones(String nombre, int limite) {
        return repository.recientes(job(nombre).nombre(), Math.max(1, Math.min(limite, 200)));
    }

    private Job job(String nombre) {
        Job job = jobs.get(nombre);
        if (job == null) {
            throw new NotFoundException("Job", nombre);
        }
        return job;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
