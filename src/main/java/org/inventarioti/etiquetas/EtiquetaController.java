package org.inventarioti.etiquetas;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.reportes.FiltroReporte;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
    String pagina(@RequestParam MultiValueMap<String, String> params, Model model) {
        model.addAttribute("categorias", service.categorias());
        model.addAttribute("estados", new java.util.TreeSet<>(FiltroReporte.ESTADOS));
        model.addAttribute("maximo", EtiquetaService.MAXIMO);
        model.addAttribute("valores", params.toSingleValueMap());
        model.addAttribute("filasEspecificacion", FiltroEtiquetas.filasEspecificacion(params));
        model.addAttribute("clavesEspecificacion", service.clavesEspecificacion());
        return "etiquetas/etiquetas";
    }

    /** How many labels the form's filters would print, and in how many parts: said before generating. */
    @GetMapping("/recuento")
    String recuento(@RequestParam MultiValueMap<String, String> params, Model model) {
        List<String> codigos = FiltroEtiquetas.codigos(params);
        if (!codigos.isEmpty()) {
            model.addAttribute("codigosEscritos", new LinkedHashSet<>(codigos).size());
        } else {
            long total = service.cuantos(ActivoService.filtrosDeFormulario(params));
            model.addAttribute("total", total);
            model.addAttribute("partes", FiltroEtiquetas.partes(params, total));
        }
        model.addAttribute("maximo", EtiquetaService.MAXIMO);
        return "etiquetas/etiquetas :: recuento";
    }

    @GetMapping("/escaner")
    String escaner() {
        return "etiquetas/escaner";
    }

    /** The typed fallback of the scanner: straight to the asset's page, by its code or its serial number. */
    @GetMapping("/ir")
    String ir(@RequestParam(defaultValue = "") String codigo) {
        String limpio = codigo.strip();
        if (limpio.isEmpty()) {
            return "redirect:/etiquetas/escaner";
        }
        if (!service.existe(limpio) && !service.existe(limpio.toUpperCase(Locale.ROOT))) {
            // The serial number printed on the label leads to its asset as well.
            var porSerie = service.codigoDeSerie(limpio);
            if (porSerie.isPresent()) {
                return "redirect:" + EtiquetaService.url("", porSerie.get());
            }
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
            Model model)
            throws IOException {
        FormatoEtiqueta formato = FormatoEtiqueta.de(params.getFirst("formato"));
        List<String> codigos = FiltroEtiquetas.codigos(params);
        List<Etiqueta> etiquetas;
        String sufijo = "";
        if (codigos.isEmpty() && params.containsKey("seleccion")) {
            return rechazo(response, model, params, "etiquetas.error.sinSeleccion", null);
        } else if (codigos.isEmpty()) {
            int parte = FiltroEtiquetas.parte(params);
            EtiquetaService.Seleccion seleccion =
                    service.porFiltro(base(), ActivoService.filtrosDeFormulario(params), parte);
            if (seleccion.total() == 0) {
                return rechazo(response, model, params, "etiquetas.error.ninguno", null);
            }
            if (parte > seleccion.partes() || (seleccion.partes() > 1 && !params.containsKey("parte"))) {
                // More than one PDF holds: nothing is printed until a part is chosen, so none is cut silently.
                model.addAttribute("partes", FiltroEtiquetas.partes(params, seleccion.total()));
                return rechazo(response, model, params, "etiquetas.error.demasiados", seleccion.total());
            }
            etiquetas = seleccion.etiquetas();
            sufijo = seleccion.partes() > 1 ? "-" + parte + "-de-" + seleccion.partes() : "";
        } else {
            Set<String> unicos = new LinkedHashSet<>(codigos);
            etiquetas = service.porCodigos(base(), unicos);
            Set<String> encontrados = new java.util.HashSet<>();
            etiquetas.forEach(e -> encontrados.add(e.codigo().toUpperCase(Locale.ROOT)));
            List<String> desconocidos =
                    unicos.stream().filter(c -> !encontrados.contains(c)).toList();
            if (!desconocidos.isEmpty()) {
                // Nothing is printed rather than a sheet that silently lacks some labels.
                model.addAttribute("desconocidos", String.join(", ", desconocidos));
                model.addAttribute("codigosEscritos", String.join(" ", params.getOrDefault("codigo", List.of())));
                return rechazo(response, model, params, null, null);
            }
        }
        String nombre = "etiquetas-" + LocalDate.now(clock) + sufijo + ".pdf";
        response.setContentType("application/pdf");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(nombre).build().toString());
        service.pdf(
                etiquetas, formato, messages.getMessage("etiquetas.serie", null, locale), response.getOutputStream());
        return null;
    }

    /** The labels page again, with the form as it was sent and why nothing was printed (422). */
    private String rechazo(
            HttpServletResponse response,
            Model model,
            MultiValueMap<String, String> params,
            String motivo,
            Long total) {
        response.setStatus(422);
        model.addAttribute("motivo", motivo);
        model.addAttribute("totalRechazo", total);
        return pagina(params, model);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
