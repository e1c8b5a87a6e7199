package org.inventarioti.backups;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The backups' state, for administrators (see SecurityConfiguration). */
@RestController
@Tag(name = "backups")
@RequestMapping(path = "/api/backups", produces = MediaType.APPLICATION_JSON_VALUE)
class BackupController {

    private final EstadoBackupsService service;

    BackupController(EstadoBackupsService service) {
        this.service = service;
    }

    @Operation(
            summary = "Archives here and off-site (size, schema version, verified when and by which restore test),"
                    + " the last failed run, the next run of each backup job (ADMIN)")
    @GetMapping
    EstadoBackups estado() throws IOException {
        return service.estado();
    }
}
