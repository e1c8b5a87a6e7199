package org.inventarioti.jobs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.inventarioti.errors.ConflictException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scheduler's jobs, for administrators (see SecurityConfiguration). */
@RestController
@Tag(name = "jobs")
@RequestMapping(path = "/api/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class JobController {

    private final JobService service;

    JobController(JobService service) {
        this.service = service;
    }

    @Operation(summary = "Every job with its last run (duration, result) and next run (ADMIN)")
    @GetMapping
    List<EstadoJob> listar() {
        return service.estado();
    }

    @Operation(summary = "The latest runs of one job, newest first (ADMIN)")
    @GetMapping("/{nombre}/ejecuciones")
    List<Ejecucion> ejecuciones(@PathVariable String nombre, @RequestParam(defaultValue = "20") int limite) {
        return service.ejecuciones(nombre, limite);
    }

    @Operation(summary = "Runs a job now (ADMIN); 409 while another run holds its slot")
    @PostMapping("/{nombre}/ejecutar")
    Ejecucion ejecutar(@PathVariable String nombre) {
        return service.ejecutar(nombre, Ejecucion.MANUAL)
                .orElseThrow(() -> new ConflictException("job " + nombre + " is running or ran within its lock time"));
    }
}
