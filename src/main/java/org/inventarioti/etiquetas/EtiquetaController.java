package org.inventarioti.etiquetas;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.reportes.FiltroReporte;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** QR images, PDF label sheets, the label page and the camera scanner page. */
@Controller
@RequestMapping("/etiquetas")
class EtiquetaController {

    static final String SVG = "image/svg+xml";

    private final EtiquetaService service;
    private final MessageSource messages;
    private final Clock clock;

    EtiquetaController(EtiquetaService service, MessageSource messages, Clock clock) {
        this.service = service;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String pagina(org.springframework.ui.Model model) {
        model.addAttribute("categorias", service.categorias());
        model.addAttribute("estados", new java.util.TreeSet<>(FiltroReporte.ESTADOS));
        model.addAttribute("maximo", EtiquetaService.MAXIMO);
        return "etiquetas/etiquetas";
    }

    @GetMapping("/escaner")
    String escaner() {
        return "etiquetas/escaner";
    }

    /** The typed-code fallback of the scanner: straight to the asset's page. */
    @GetMapping("/ir")
    String ir(@RequestParam(defaultValue = "") String codigo) {
        String limpio = codigo.strip();
        if (limpio.isEmpty()) {
            return "redirect:/etiquetas/escaner";
        }
        return "redirect:" + EtiquetaService.url("", limpio);
    }

    @GetMapping(path = "/{codigo}.svg")
    ResponseEntity<String> qr(@PathVariable String codigo) {
        if (!service.existe(codigo)) {
            throw new NotFoundException("Activo", codigo);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, SVG)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(service.qrSvg(base(), codigo));
    }

    /**
     * A PDF of labels: for the assets named by {@code codigo} (repeatable, or sent by a form), or
     * else for those matching the report filters; {@code formato} is {@code a4} or {@code pequena}.
     */
    @RequestMapping(
            path = "/pdf",
            method = {RequestMethod.GET, RequestMethod.POST})
    String pdf(
            @RequestParam MultiValueMap<String, String> params,
            Locale locale,
            HttpServletResponse response,
            org.springframework.ui.Model model)
            throws IOException {
        FormatoEtiqueta formato = FormatoEtiqueta.de(params.getFirst("formato"));
        // One field may hold several codes, separated by spaces, commas, semicolons or lines.
        List<String> codigos = params.getOrDefault("codigo", List.of()).stream()
                .flatMap(c -> java.util.Arrays.stream(c.split("[\\s,;]+")))
                .filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT))
                .toList();
        List<Etiqueta> etiquetas;
        if (codigos.isEmpty()) {
            etiquetas = service.porFiltro(base(), FiltroReporte.de(params.toSingleValueMap()));
        } else {
            Set<String> unicos = new LinkedHashSet<>(codigos);
            etiquetas = service.porCodigos(base(), unicos);
            Set<String> encontrados = new java.util.HashSet<>();
            etiquetas.forEach(e -> encontrados.add(e.codigo().toUpperCase(Locale.ROOT)));
            List<String> desconocidos =
                    unicos.stream().filter(c -> !encontrados.contains(c)).toList();
            if (!desconocidos.isEmpty()) {
                // Nothing is printed rather than a sheet that silently lacks some labels.
                response.setStatus(422);
                model.addAttribute("desconocidos", String.join(", ", desconocidos));
                model.addAttribute("codigosEscritos", String.join(" ", params.getOrDefault("codigo", List.of())));
                return pagina(model);
            }
        }
        String nombre = "etiquetas-" + LocalDate.now(clock) + ".pdf";
        response.setContentType("application/pdf");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(nombre).build().toString());
        service.pdf(
                etiquetas, formato, messages.getMessage("etiquetas.serie", null, locale), response.getOutputStream());
        return null;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
