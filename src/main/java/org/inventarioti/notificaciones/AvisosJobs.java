package org.inventarioti.notificaciones;

import java.util.function.IntSupplier;
import org.inventarioti.jobs.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reminder jobs: each kind of reminder e-mail is queued by its own daily job (UTC). */
@Configuration(proxyBeanMethods = false)
class AvisosJobs {

    @Bean
    Job avisarMantenimientosJob(
            AvisosService avisos, @Value("${inventario.notificaciones.cron-avisos:0 0 6 * * *}") String cron) {
        return job(
                "avisar-mantenimientos",
                cron,
                "E-mails technicians their maintenance due soon and overdue",
                avisos::mantenimientos);
    }

    @Bean
    Job avisarGarantiasJob(
            AvisosService avisos, @Value("${inventario.notificaciones.cron-garantias:0 5 6 * * *}") String cron) {
        return job(
                "avisar-garantias",
                cron,
                "E-mails administrators the warranties ending in 30 and 7 days",
                avisos::garantias);
    }

    @Bean
    Job resumenDiarioJob(
            AvisosService avisos, @Value("${inventario.notificaciones.cron-resumen:0 10 6 * * *}") String cron) {
        return job(
                "resumen-diario",
                cron,
                "E-mails each technician a digest of their open maintenance",
                avisos::resumenes);
    }

    @Bean
    Job avisarDevolucionesJob(
            AvisosDevoluciones avisos,
            @Value("${inventario.notificaciones.cron-devoluciones:0 15 6 * * *}") String cron) {
        return job(
                "avisar-devoluciones",
                cron,
                "E-mails the holder, technicians and administrators each check-out overdue",
                avisos::devoluciones);
    }

    private static Job job(String nombre, String cron, String descripcion, IntSupplier ejecutar) {
        return new Job() {
            @Override
            public String nombre() {
                return nombre;
            }

            @Override
            public String cron() {
                return cron;
            }

            @Override
            public String descripcion() {
                return descripcion;
            }

            @Override
            public String ejecutar() {
                return ejecutar.getAsInt() + " queued";
            }
        };
    }
}
