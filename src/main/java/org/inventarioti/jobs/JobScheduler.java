package org.inventarioti.jobs;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Puts every registered job on Spring's scheduler with its cron (UTC). Off in CLI mode and when
 * {@code inventario.jobs.enabled=false} (the tests run jobs by hand); the locks still hold then.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("${inventario.jobs.enabled:true} and !${inventario.cli:false}")
class JobScheduler implements SchedulingConfigurer {

    private final JobService service;

    JobScheduler(JobService service) {
        this.service = service;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (Job job : service.jobs()) {
            if (!job.programado()) {
                continue;
            }
            registrar.addCronTask(new org.springframework.scheduling.config.CronTask(
                    () -> service.ejecutar(job.nombre(), Ejecucion.PROGRAMADO),
                    new org.springframework.scheduling.support.CronTrigger(job.cron(), java.time.ZoneOffset.UTC)));
        }
    }
}
