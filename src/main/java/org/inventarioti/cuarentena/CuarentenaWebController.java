package org.inventarioti.cuarentena;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The quarantined specification texts for administrators (ADMIN only, see SecurityConfiguration). */
@Controller
class CuarentenaWebController {

    private final Cuarentena cuarentena;

    CuarentenaWebController(Cuarentena cuarentena) {
        this.cuarentena = cuarentena;
    }

    @GetMapping("/cuarentena")
    String lista(@RequestParam(defaultValue = "false") boolean pendientes, Model model) {
        model.addAttribute("entradas", cuarentena.listar(pendientes));
        model.addAttribute("pendientes", pendientes);
        return "cuarentena/lista";
    }
}
