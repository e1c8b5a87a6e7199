package org.inventarioti.backups;

import java.time.Duration;
import org.inventarioti.jobs.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two backup jobs; scheduled in-app only when {@code INVENTARIO_BACKUP_ENABLED=true} (job mode). */
@Configuration(proxyBeanMethods = false)
class BackupJobs {

    static final String NIGHTLY = "backup-nocturno";
    static final String RESTORE_TEST = "backup-verificacion";

    @Bean
    Job backupNocturno(AutoBackupService service) {
        return new Job() {
            public String nombre() {
                return NIGHTLY;
            }

            public String cron() {
                return service.properties().cron();
            }

            public boolean programado() {
                return service.properties().jobsActive();
            }

            public String descripcion() {
                return "Backup of the database into " + service.dir() + ", then retention";
            }

            public Duration bloqueoMaximo() {
                return Duration.ofHours(6);
            }

            public String ejecutar() throws Exception {
                return service.nightly();
            }
        };
    }

    @Bean
    Job backupVerificacion(AutoBackupService service) {
        return new Job() {
            public String nombre() {
                return RESTORE_TEST;
            }

            public String cron() {
                return service.properties().verifyCron();
            }

            public boolean programado() {
                return service.properties().jobsActive();
            }

            public String descripcion() {
                return "Test restore of the newest archive (verify --restore-test), recorded";
            }

            public Duration bloqueoMaximo() {
                return Duration.ofHours(6);
            }

            public String ejecutar() throws Exception {
                return service.restoreTest();
            }
        };
    }
}
