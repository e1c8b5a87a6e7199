package org.inventarioti.importacion;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.errors.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page (TECNICO, ADMIN): upload a CSV or XLSX of assets, see the suggested column
 * mapping and the preview (counts, first rows with their problems; nothing written), change the
 * mapping or the options and preview again, run it in the background with a progress bar (the
 * page polls with htmx), download the per-row report, undo it. Thin over {@link
 * ImportacionArchivo}, {@link ImportacionesEnCurso} and {@link DeshacerImportacion}.
 */
@Controller
@RequestMapping("/importaciones")
class ImportacionWebController {

    private final ImportacionArchivo importacion;
    private final ImportacionesEnCurso enCurso;
    private final DeshacerImportacion deshacer;
    private final SubidasWeb subidas;
    private final MapeosGuardados mapeos;

    ImportacionWebController(
            ImportacionArchivo importacion,
            ImportacionesEnCurso enCurso,
            DeshacerImportacion deshacer,
            SubidasWeb subidas,
            MapeosGuardados mapeos) {
        this.importacion = importacion;
        this.enCurso = enCurso;
        this.deshacer = deshacer;
        this.subidas = subidas;
        this.mapeos = mapeos;
    }

    /** The options as the form sends them. */
    record Opciones(String modo, String clave, String errores) {

        static Opciones de(String modo, String clave, String errores) {
            return new Opciones(
                    modo == null ? "ambos" : modo,
                    clave == null ? "numero_serie" : clave,
                    errores == null ? "todo_o_nada" : errores);
        }

        OpcionesArchivo leer(Map<String, String> columnas) {
            try {
                return new OpcionesArchivo(
                        OpcionesArchivo.modo(modo),
                        OpcionesArchivo.clave(clave),
                        ImportacionController.todoONada(errores),
                        columnas,
                        true);
            } catch (ImportacionRechazada e) {
                throw new MalformedException(e.getMessage());
            }
        }
    }

    @GetMapping
    String subir(Model model) {
        model.addAttribute("opciones", Opciones.de(null, null, null));
        return "importaciones/subir";
    }

    /** The upload (multipart); any other body is a request without a file. */
    @PostMapping
    String previa(
            @RequestParam(name = "archivo", required = false) MultipartFile archivo,
            @RequestParam(required = false) String modo,
            @RequestParam(required = false) String clave,
            @RequestParam(required = false) String errores,
            Model model,
            HttpServletResponse response)
            throws IOException {
        Opciones opciones = Opciones.de(modo, clave, errores);
        OpcionesArchivo leidas = opciones.leer(Map.of());
        model.addAttribute("opciones", opciones);
        if (archivo == null || archivo.isEmpty()) {
            return rechazo(model, response, "importaciones.error.sinArchivo", null);
        }
        String nombre = ImportacionController.nombre(archivo.getOriginalFilename());
        UUID token;
        try {
            token = subidas.guardar(archivo, nombre, AuditoriaService.currentActor());
        } catch (ImportacionRechazada e) {
            return rechazo(model, response, null, e.getMessage());
        }
        return mostrar(token, nombre, leidas, opciones, model, response);
    }

    @PostMapping("/{token}/previa")
    String otraPrevia(
            @PathVariable UUID token,
            @RequestParam(required = false) String modo,
            @RequestParam(required = false) String clave,
            @RequestParam(required = false) String errores,
            @RequestParam(name = "cabecera", required = false) List<String> cabeceras,
            @RequestParam(name = "campo", required = false) List<String> campos,
            @RequestParam(required = false) Long mapeo,
            @RequestParam(required = false) String aplicar,
            Model model,
            HttpServletResponse response) {
        Opciones opciones = Opciones.de(modo, clave, errores);
        Map<String, String> elegidos = aplicar != null && mapeo != null
                ? mapeos.columnas(mapeo).orElseThrow(() -> new NotFoundException("Mapeo", mapeo))
                : elegidos(cabeceras, campos);
        SubidasWeb.Subida subida = subida(token);
        return mostrar(token, subida.nombre(), opciones.leer(elegidos), opciones, model, response);
    }

    /** Saves the mapping as shown (header → field) under a name, then shows the preview again. */
    @PostMapping("/{token}/mapeos")
    String guardarMapeo(
            @PathVariable UUID token,
            @RequestParam(required = false) String modo,
            @RequestParam(required = false) String clave,
            @RequestParam(required = false) String errores,
            @RequestParam(name = "cabecera", required = false) List<String> cabeceras,
            @RequestParam(name = "campo", required = false) List<String> campos,
            @RequestParam(name = "nombreMapeo", required = false) String nombre,
            Model model,
            HttpServletResponse response) {
        Opciones opciones = Opciones.de(modo, clave, errores);
        Map<String, String> elegidos = new LinkedHashMap<>(elegidos(cabeceras, campos));
        SubidasWeb.Subida subida = subida(token);
        try {
            model.addAttribute("mapeoGuardado", mapeos.guardar(nombre, elegidos).nombre());
        } catch (org.inventarioti.errors.InvalidException e) {
            response.setStatus(422);
            model.addAttribute("mapeoError", e.errors().get(0).field());
            // shown again without the choices no import knows, so the upload stays usable
            elegidos.values().removeIf(c -> !(c.isEmpty() || Mapeo.CAMPOS.contains(c) || c.startsWith(Mapeo.SPEC)));
        }
        return mostrar(token, subida.nombre(), opciones.leer(elegidos), opciones, model, response);
    }

    @PostMapping("/{token}/ejecutar")
    String ejecutar(
            @PathVariable UUID token,
            @RequestParam(required = false) String modo,
            @RequestParam(required = false) String clave,
            @RequestParam(required = false) String errores,
            @RequestParam(name = "cabecera", required = false) List<String> cabeceras,
            @RequestParam(name = "campo", required = false) List<String> campos,
            Model model,
            HttpServletResponse response) {
        Opciones opciones = Opciones.de(modo, clave, errores);
        OpcionesArchivo leidas = opciones.leer(elegidos(cabeceras, campos));
        SubidasWeb.Subida subida = subida(token);
        try {
            subidas.tomar(token, AuditoriaService.currentActor());
            UUID id = enCurso.empezar(subida.file(), subida.nombre(), leidas);
            return "redirect:/importaciones/ejecuciones/" + id;
        } catch (ImportacionRechazada e) {
            model.addAttribute("opciones", opciones);
            return rechazo(model, response, null, e.getMessage());
        }
    }

    /** The run's page; htmx's polling (HX-Request) gets its status fragment only. */
    @GetMapping("/ejecuciones/{id}")
    String ejecucion(
            @PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ImportacionesEnCurso.Estado estado =
                enCurso.estado(id).orElseThrow(() -> new NotFoundException("Importacion", id));
        model.addAttribute("estado", estado);
        model.addAttribute(
                "porcentaje", estado.total() == 0 ? 0 : Math.min(100, estado.hechas() * 100 / estado.total()));
        return htmx != null ? "importaciones/ejecucion :: estado" : "importaciones/ejecucion";
    }

    @GetMapping(path = "/ejecuciones/{id}/informe")
    ResponseEntity<byte[]> informe(@PathVariable UUID id) {
        byte[] gz = enCurso.informeGz(id).orElseThrow(() -> new NotFoundException("Importacion", id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"importacion-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(gz);
    }

    @PostMapping("/ejecuciones/{id}/deshacer")
    String deshacer(@PathVariable UUID id, RedirectAttributes redirect) {
        DeshacerImportacion.Resultado r = deshacer.deshacer(id);
        redirect.addFlashAttribute("eliminadas", r.eliminadas()); // the session keeps only serialisable values
        redirect.addFlashAttribute("restauradas", r.restauradas());
        return "redirect:/importaciones/ejecuciones/" + id;
    }

    private String mostrar(
            UUID token,
            String nombre,
            OpcionesArchivo leidas,
            Opciones opciones,
            Model model,
            HttpServletResponse response) {
        SubidasWeb.Subida subida = subida(token);
        model.addAttribute("opciones", opciones);
        try {
            model.addAttribute("resultado", importacion.previsualizar(subida.file(), nombre, leidas));
        } catch (ImportacionRechazada e) {
            // refused as a whole (not a spreadsheet, too large, a mapping that cannot work): upload again
            subidas.descartar(token, AuditoriaService.currentActor());
            return rechazo(model, response, null, e.getMessage());
        }
        model.addAttribute("token", token);
        model.addAttribute("campos", Mapeo.CAMPOS);
        model.addAttribute("guardados", mapeos.listar());
        model.addAttribute("opciones", opciones);
        return "importaciones/previa";
    }

    private SubidasWeb.Subida subida(UUID token) {
        return subidas.de(token, AuditoriaService.currentActor())
                .orElseThrow(() -> new NotFoundException("Subida", token));
    }

    private static String rechazo(Model model, HttpServletResponse response, String clave, String mensaje) {
        response.setStatus(422);
        model.addAttribute("errorClave", clave);
        model.addAttribute("errorTexto", mensaje);
        return "importaciones/subir";
    }

    /** The mapping the user chose: header → field ("" ignores the column). */
    private static Map<String, String> elegidos(List<String> cabeceras, List<String> campos) {
        if (cabeceras == null && campos == null) {
            return Map.of();
        }
        if (cabeceras == null || campos == null || cabeceras.size() != campos.size() || cabeceras.size() > 1000) {
            throw new MalformedException("cabecera and campo must come in pairs", "campo");
        }
        Map<String, String> elegidos = new LinkedHashMap<>();
        for (int i = 0; i < cabeceras.size(); i++) {
            elegidos.putIfAbsent(cabeceras.get(i), campos.get(i));
        }
        return elegidos;
    }
}
