package org.inventarioti.asignaciones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import org.inventarioti.errors.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A hand-over receipt as PDF, for the API and the pages (every role). */
@Controller
@Tag(name = "asignaciones")
class ActaController {

    private final ActaRepository actas;
    private final ZoneId zona;

    ActaController(ActaRepository actas, java.time.Clock clock) {
        this.actas = actas;
        this.zona = clock.getZone();
    }

    @Operation(summary = "A hand-over receipt (acta de entrega / devolución) as PDF")
    @GetMapping(
            path = {"/api/actas/{id}/pdf", "/actas/{id}/pdf"},
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> pdf(@PathVariable String id) {
        // read as text: a malformed id is a receipt that does not exist (404), on the API and the pages alike
        Acta acta = (id.matches("[0-9]{1,18}") ? actas.buscar(Long.parseLong(id)) : java.util.Optional.<Acta>empty())
                .orElseThrow(() -> new NotFoundException("Acta", id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("acta-" + acta.tipo() + "-" + id + ".pdf")
                                .build()
                                .toString())
                .body(ActaPdf.dibujar(acta, zona));
    }
}
