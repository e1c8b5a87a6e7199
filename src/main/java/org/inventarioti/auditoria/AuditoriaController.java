package org.inventarioti.auditoria;

import org.inventarioti.web.ListPage;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for administrators (see SecurityConfiguration). */
@RestController
@RequestMapping(path = "/api/auditoria", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditoriaController {

    private final AuditoriaService service;

    AuditoriaController(AuditoriaService service) {
        this.service = service;
    }

    @GetMapping
    ListPage<AuditoriaService.Entrada> consultar(@RequestParam MultiValueMap<String, String> query) {
        return service.consultar(query);
    }
}
