package org.inventarioti.activos;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /buscar}: the top bar's box opens the asset when one matches, otherwise the filtered list. */
@Controller
class BusquedaRapidaController {

    private final BusquedaRapida busqueda;

    BusquedaRapidaController(BusquedaRapida busqueda) {
        this.busqueda = busqueda;
    }

    @GetMapping("/buscar")
    String buscar(@RequestParam(defaultValue = "") String q) {
        String texto = BusquedaRapida.texto(q);
        if (texto.isEmpty()) {
            return "redirect:/activos";
        }
        return busqueda.unico(texto)
                .map(codigo -> "redirect:/activos/" + codificar(codigo).replace("+", "%20"))
                .orElseGet(() -> "redirect:/activos?q=" + codificar(texto));
    }

    private static String codificar(String texto) {
        return URLEncoder.encode(texto, StandardCharsets.UTF_8);
    }
}
