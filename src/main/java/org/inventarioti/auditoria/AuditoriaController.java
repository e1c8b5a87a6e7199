package org.inventarioti.auditoria;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.inventarioti.listing.ListPage;
import org.inventarioti.web.ListQueryDoc;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for administrators (see SecurityConfiguration). */
@RestController
@Tag(name = "auditoria")
@RequestMapping(path = "/api/auditoria", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditoriaController {

    private final AuditoriaService service;

    AuditoriaController(AuditoriaService service) {
        this.service = service;
    }

    @Operation(summary = "The audit trail (ADMIN)", description = "Newest first.")
    @ListQueryDoc(
            filters = {
                "entidad: activo, categoria, mantenimiento, usuario, auth …",
                "entidad_id: id of the entity",
                "activo: an asset's codigo, without case: the asset's rows and its maintenance records' rows",
                "actor: email of the user, any case",
                "actor_id: id of the user",
                "accion: crear, actualizar, eliminar, login …",
                "desde: from (date or timestamp, inclusive)",
                "hasta: until (date or timestamp, exclusive)"
            },
            sorts = {"id"},
            defaultSort = "id,desc")
    @GetMapping
    ListPage<AuditoriaService.Entrada> consultar(@RequestParam MultiValueMap<String, String> query) {
        return service.consultar(query);
    }
}
