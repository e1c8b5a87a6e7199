package org.inventarioti.planes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.inventarioti.errors.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Preventive maintenance plans: read for every role, written by TECNICO, deleted by ADMIN. */
@RestController
@Tag(name = "planes")
@RequestMapping(path = "/api/planes", produces = MediaType.APPLICATION_JSON_VALUE)
class PlanController {

    private final PlanService service;

    PlanController(PlanService service) {
        this.service = service;
    }

    @Operation(summary = "Every plan")
    @GetMapping
    List<Plan> listar() {
        return service.listar();
    }

    @Operation(summary = "One plan")
    @GetMapping("/{id}")
    ResponseEntity<Plan> buscar(@PathVariable long id) {
        return withEtag(ResponseEntity.ok(), service.buscar(id));
    }

    @Operation(summary = "How many of the plan's maintenance records are in each estado")
    @GetMapping("/{id}/registros")
    Map<String, Integer> registros(@PathVariable long id) {
        return service.registros(id);
    }

    @Operation(summary = "Creates a plan and generates its records inside the horizon (TECNICO)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Plan> crear(@RequestBody PlanRequest request) {
        Plan plan = service.crear(request);
        return withEtag(ResponseEntity.created(URI.create("/api/planes/" + plan.id())), plan);
    }

    @Operation(
            summary = "Replaces a plan (TECNICO); version in the body or If-Match",
            description = "estado pausado or finalizado withdraws the records still programado from today on.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Plan> reemplazar(
            @PathVariable long id,
            @RequestBody PlanRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withEtag(ResponseEntity.ok(), service.reemplazar(id, request, ifMatch));
    }

    @Operation(summary = "Generates the plan's records now (TECNICO); idempotent")
    @PostMapping("/{id}/generar")
    PlanService.Generacion generar(@PathVariable long id) {
        return service.generar(id);
    }

    @Operation(summary = "Deletes a plan and its records still programado (ADMIN)")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> eliminar(
            @PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        service.eliminar(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Plan> withEtag(ResponseEntity.BodyBuilder builder, Plan plan) {
        return builder.eTag(Versions.etag(plan.version())).body(plan);
    }
}
