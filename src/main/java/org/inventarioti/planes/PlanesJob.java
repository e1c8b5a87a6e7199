package org.inventarioti.planes;

import java.time.Duration;
import org.inventarioti.jobs.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scheduler's {@code generar-planes} job: every active plan, each in its own transaction (a
 * plan's records are all generated or none), so a failing plan leaves the others generated.
 */
@Component
class PlanesJob implements Job {

    private final PlanService service;
    private final String cron;

    PlanesJob(PlanService service, @Value("${inventario.planes.cron:0 15 2 * * *}") String cron) {
        this.service = service;
        this.cron = cron;
    }

    @Override
    public String nombre() {
        return "generar-planes";
    }

    @Override
    public String cron() {
        return cron;
    }

    @Override
    public String descripcion() {
        return "Generates the programado maintenance records of every active plan inside the horizon";
    }

    @Override
    public Duration bloqueoMinimo() {
        return Duration.ofMinutes(1);
    }

    @Override
    public String ejecutar() {
        var resultados = service.activos().stream().map(service::generar).toList();
        int generados =
                resultados.stream().mapToInt(PlanService.Generacion::generados).sum();
        int retirados =
                resultados.stream().mapToInt(PlanService.Generacion::retirados).sum();
        return resultados.size() + " plans, " + generados + " records generated, " + retirados + " withdrawn";
    }
}
