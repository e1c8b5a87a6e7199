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
    static final String FRESHNESS = "backup-antiguedad";

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

    /**
     * The daily freshness check; scheduled whenever backups run by themselves (the in-app jobs, or
     * the systemd timer — the check is not a backup, so it runs in-app in timer mode too).
     */
    @Bean
    Job backupAntiguedad(AutoBackupService service, FrescuraBackups frescura) {
        return new Job() {
            public String nombre() {
                return FRESHNESS;
            }

            public String cron() {
                return service.properties().freshnessCron();
            }

            public boolean programado() {
                return service.properties().jobsActive()
                        || org.inventarioti.ops.backup.BackupProperties.MODE_TIMER.equals(
                                service.properties().mode());
            }

            public String descripcion() {
                return "Tells the administrators when the newest verified archive is older than 36 hours";
            }

            public Duration bloqueoMaximo() {
                return Duration.ofMinutes(10);
            }

            public String ejecutar() {
                return frescura.revisar();
            }
        };
    }
}
