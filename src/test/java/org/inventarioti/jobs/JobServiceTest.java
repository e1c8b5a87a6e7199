package org.inventarioti.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.support.InventarioTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two scheduler instances on one database — each its own ShedLock client with its own name, as two
 * application instances have — run a job once per slot; every run is recorded with its outcome.
 */
@InventarioTest
class JobServiceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRepository repository;

    @Autowired
    JobService applicationService;

    /** A job that counts its runs and can be held inside its run. */
    static class Contador implements Job {
        final String nombre = "test-" + UUID.randomUUID().toString().substring(0, 8);
        final AtomicInteger runs = new AtomicInteger();
        final Duration minimo;
        volatile CountDownLatch dentro = new CountDownLatch(0);
        volatile CountDownLatch soltar = new CountDownLatch(0);
        volatile RuntimeException falla;

        Contador(Duration minimo) {
            this.minimo = minimo;
        }

        @Override
        public String nombre() {
            return nombre;
        }

        @Override
        public String cron() {
            return "0 0 3 * * *";
        }

        @Override
        public Duration bloqueoMinimo() {
            return minimo;
        }

        @Override
        public String ejecutar() throws Exception {
            runs.incrementAndGet();
            dentro.countDown();
            soltar.await(10, TimeUnit.SECONDS);
            if (falla != null) {
                throw falla;
            }
            return "run " + runs.get();
        }
    }

    private JobService instancia(String nombre, Job job, MeterRegistry meters) {
        return new JobService(
                List.of(job),
                new DefaultLockingTaskExecutor(JobsConfiguration.lockProvider(dataSource, nombre)),
                repository,
                meters,
                Clock.systemUTC(),
                new JobsConfiguration.Instancia(nombre));
    }

    @Test
    void twoInstancesFiringTheSameSlotRunTheJobOnce() throws Exception {
        Contador job = new Contador(Duration.ofSeconds(30));
        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        JobService a = instancia("instancia-a", job, metersA);
        JobService b = instancia("instancia-b", job, metersB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int slot = 0; slot < 3; slot++) {
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<Optional<Ejecucion>>> results = new ArrayList<>();
                for (JobService instance : List.of(a, b)) {
                    results.add(pool.submit(() -> {
                        barrier.await();
                        return instance.ejecutar(job.nombre(), Ejecucion.PROGRAMADO);
                    }));
                }
                int ran = 0;
                for (var result : results) {
                    ran += result.get(20, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                }
                // One instance runs the first firing; later firings fall inside its lockAtLeastFor.
                assertThat(ran).as("runs at firing " + slot).isEqualTo(slot == 0 ? 1 : 0);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(job.runs).hasValue(1);
        assertThat(repository.recientes(job.nombre(), 10)).hasSize(1).allSatisfy(run -> {
            assertThat(run.resultado()).isEqualTo(Ejecucion.OK);
            assertThat(run.instancia()).isIn("instancia-a", "instancia-b");
            assertThat(run.fin()).isAfterOrEqualTo(run.inicio());
        });
        double skipped =
                metersA.counter("inventario.jobs.omitidas", "job", job.nombre()).count()
                        + metersB.counter("inventario.jobs.omitidas", "job", job.nombre())
                                .count();
        assertThat(skipped).isEqualTo(5);
    }

    @Test
    void aRunningJobHoldsItsSlotAgainstTheOtherInstanceAndTheNextSlotRunsAgain() throws Exception {
        Contador job = new Contador(Duration.ZERO);
        JobService a = instancia("instancia-a", job, new SimpleMeterRegistry());
        JobService b = instancia("instancia-b", job, new SimpleMeterRegistry());
        job.dentro = new CountDownLatch(1);
        job.soltar = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Ejecucion>> first = pool.submit(() -> a.ejecutar(job.nombre(), Ejecucion.PROGRAMADO));
            assertThat(job.dentro.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(repository.ultima(job.nombre()))
                    .get()
                    .extracting(Ejecucion::resultado)
                    .isEqualTo(Ejecucion.EN_CURSO);
            assertThat(b.ejecutar(job.nombre(), Ejecucion.PROGRAMADO)).isEmpty();
            job.soltar.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
        } finally {
            pool.shutdownNow();
        }
        // With no minimum hold, the lock is free as soon as the run ends: the next slot runs.
        assertThat(b.ejecutar(job.nombre(), Ejecucion.PROGRAMADO)).get().satisfies(run -> {
            assertThat(run.instancia()).isEqualTo("instancia-b");
            assertThat(run.detalle()).isEqualTo("run 2");
        });
        assertThat(job.runs).hasValue(2);
    }

    @Test
    void aFailingJobIsRecordedAsAnErrorWithItsMessage() {
        Contador job = new Contador(Duration.ZERO);
        job.falla = new IllegalStateException("disk full");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Ejecucion run = instancia("instancia-a", job, meters)
                .ejecutar(job.nombre(), Ejecucion.MANUAL)
                .orElseThrow();
        assertThat(run.resultado()).isEqualTo(Ejecucion.ERROR);
        assertThat(run.detalle()).isEqualTo("IllegalStateException: disk full");
        assertThat(repository.ultima(job.nombre())).get().satisfies(stored -> {
            assertThat(stored.resultado()).isEqualTo(Ejecucion.ERROR);
            assertThat(stored.origen()).isEqualTo(Ejecucion.MANUAL);
            assertThat(stored.duracionMs()).isNotNull();
        });
        assertThat(meters.timer("inventario.jobs.ejecucion", "job", job.nombre(), "resultado", "error")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void unknownJobsAndBadDeclarationsAreRefused() {
        assertThatThrownBy(() -> applicationService.ejecutar("no-such-job", Ejecucion.MANUAL))
                .isInstanceOf(NotFoundException.class);
        Contador bad = new Contador(Duration.ZERO) {
            @Override
            public String cron() {
                return "every day";
            }
        };
        assertThatThrownBy(() -> instancia("x", bad, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid cron");
        Contador named = new Contador(Duration.ZERO) {
            @Override
            public String nombre() {
                return "Bad Name";
            }
        };
        assertThatThrownBy(() -> instancia("x", named, new SimpleMeterRegistry()))
                .hasMessageContaining("job name must match");
    }
}
