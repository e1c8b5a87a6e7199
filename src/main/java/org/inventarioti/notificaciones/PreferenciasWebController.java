package org.inventarioti.notificaciones;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.inventarioti.usuarios.UsuarioView;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's notification preferences ({@code /cuenta/notificaciones}) and the
 * one-click unsubscribe link of each e-mail ({@code /notificaciones/baja?t=}, no login): GET asks,
 * POST (the button, or a mail client's RFC 8058 one-click POST) unsubscribes.
 */
@Controller
class PreferenciasWebController {

    private final PreferenciasRepository preferencias;
    private final TextosNotificacion textos;
    private final BajaTokens tokens;

    PreferenciasWebController(PreferenciasRepository preferencias, TextosNotificacion textos, BajaTokens tokens) {
        this.preferencias = preferencias;
        this.textos = textos;
        this.tokens = tokens;
    }

    @GetMapping("/cuenta/notificaciones")
    String preferencias(Authentication authentication, Model model, @RequestParam(required = false) String guardadas) {
        UsuarioView usuario = usuario(authentication);
        PreferenciasRepository.Preferencias p = preferencias.de(usuario.id());
        model.addAttribute("idioma", p.idioma());
        model.addAttribute("tipos", PreferenciasRepository.TIPOS);
        model.addAttribute("desactivados", p.desactivados());
        model.addAttribute("guardadas", guardadas != null);
        return "notificaciones/preferencias";
    }

    @PostMapping("/cuenta/notificaciones")
    @Transactional
    String guardar(
            Authentication authentication,
            @RequestParam(defaultValue = "es") String idioma,
            @RequestParam(name = "recibir", required = false) List<String> recibir) {
        UsuarioView usuario = usuario(authentication);
        Set<String> desactivados = new LinkedHashSet<>(PreferenciasRepository.TIPOS);
        if (recibir != null) {
            desactivados.removeAll(recibir);
        }
        preferencias.guardar(usuario.id(), idioma.equals("en") ? "en" : "es", desactivados);
        return "redirect:/cuenta/notificaciones?guardadas";
    }

    @GetMapping(EmailCanal.BAJA)
    String preguntar(@RequestParam(required = false) String t, Model model, HttpServletResponse response) {
        Optional<BajaTokens.Baja> baja = valida(t);
        if (baja.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("invalido", true);
            return "notificaciones/baja";
        }
        model.addAttribute("tipo", baja.get().tipo());
        model.addAttribute("token", t);
        return "notificaciones/baja";
    }

    @PostMapping(EmailCanal.BAJA)
    @Transactional
    String darDeBaja(@RequestParam(required = false) String t, Model model, HttpServletResponse response) {
        Optional<BajaTokens.Baja> baja = valida(t);
        if (baja.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("invalido", true);
            return "notificaciones/baja";
        }
        preferencias.desactivar(baja.get().usuarioId(), baja.get().tipo());
        model.addAttribute("tipo", baja.get().tipo());
        model.addAttribute("hecho", true);
        return "notificaciones/baja";
    }

    /** A token naming a kind one can unsubscribe from and a user who still exists. */
    private Optional<BajaTokens.Baja> valida(String t) {
        return tokens.leer(t)
                .filter(b -> PreferenciasRepository.TIPOS.contains(b.tipo()))
                .filter(b -> textos.usuarios().stream().anyMatch(u -> u.id() == b.usuarioId()));
    }

    private UsuarioView usuario(Authentication authentication) {
        return textos.porEmail(authentication.getName()).orElseThrow();
    }
}
