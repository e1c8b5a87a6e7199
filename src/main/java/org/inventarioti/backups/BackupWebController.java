package org.inventarioti.backups;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin page of the backups (Administración → Copias de seguridad), ADMIN only. */
@Controller
class BackupWebController {

    private final EstadoBackupsService service;

    BackupWebController(EstadoBackupsService service) {
        this.service = service;
    }

    @GetMapping("/backups")
    String estado(Model model) throws IOException {
        model.addAttribute("estado", service.estado());
        return "backups/estado";
    }
}
