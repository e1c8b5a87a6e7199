package org.inventarioti.importacion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.errors.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreadsheet imports of assets (TECNICO and ADMIN). {@code POST /api/importaciones} (multipart:
 * {@code archivo}; {@code modo} crear|actualizar|ambos, {@code clave} numero_serie|codigo,
 * {@code errores} todo_o_nada|omitir, {@code columnas} a JSON object header → field, and
 * {@code simulacion}, true by default): the preview answers 200 with the counts and problems; a
 * run ({@code simulacion=false}) answers 202 with its id and runs in the background. {@code GET
 * /api/importaciones/{id}} is its progress and result, {@code /informe} the per-row report (the
 * file with a result and a problems column, CSV), {@code POST /api/importaciones/{id}/deshacer}
 * undoes it.
 */
@RestController
@RequestMapping(path = "/api/importaciones", produces = MediaType.APPLICATION_JSON_VALUE)
class ImportacionController {

    private final ImportacionArchivo importacion;
    private final ImportacionesEnCurso enCurso;
    private final DeshacerImportacion deshacer;
    private final JsonMapper json;

    ImportacionController(
            ImportacionArchivo importacion,
            ImportacionesEnCurso enCurso,
            DeshacerImportacion deshacer,
            JsonMapper json) {
        this.importacion = importacion;
        this.enCurso = enCurso;
        this.deshacer = deshacer;
        this.json = json;
    }

    /** Undoes a completed import within the configured period; 409 naming the assets changed since. */
    @PostMapping("/{id}/deshacer")
    DeshacerImportacion.Resultado deshacer(@PathVariable UUID id) {
        return deshacer.deshacer(id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importar(
            @RequestPart("archivo") MultipartFile archivo,
            @RequestParam(name = "modo", required = false) String modo,
            @RequestParam(name = "clave", required = false) String clave,
            @RequestParam(name = "errores", defaultValue = "todo_o_nada") String errores,
            @RequestParam(name = "columnas", required = false) String columnas,
            @RequestParam(name = "simulacion", defaultValue = "true") boolean simulacion)
            throws IOException {
        OpcionesArchivo opciones;
        try {
            opciones = new OpcionesArchivo(
                    OpcionesArchivo.modo(modo),
                    OpcionesArchivo.clave(clave),
                    todoONada(errores),
                    columnas(columnas),
                    simulacion);
        } catch (ImportacionRechazada e) {
            throw new MalformedException(e.getMessage());
        }
        String nombre = nombre(archivo.getOriginalFilename());
        Path file = Files.createTempFile("inventario-subida-", ".tmp");
        try {
            archivo.transferTo(file);
            if (simulacion) {
                return ResponseEntity.ok(importacion.previsualizar(file, nombre, opciones));
            }
            UUID id = enCurso.empezar(file, nombre, opciones);
            file = null;
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .header(HttpHeaders.LOCATION, "/api/importaciones/" + id)
                    .body(enCurso.estado(id).orElseThrow());
        } catch (ImportacionRechazada e) {
            throw InvalidException.of("archivo", e.getMessage());
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    @GetMapping("/{id}")
    ImportacionesEnCurso.Estado estado(@PathVariable UUID id) {
        return enCurso.estado(id).orElseThrow(() -> new NotFoundException("Importacion", id));
    }

    @GetMapping(path = "/{id}/informe", produces = "text/csv")
    ResponseEntity<byte[]> informe(@PathVariable UUID id) {
        byte[] gz = enCurso.informeGz(id).orElseThrow(() -> new NotFoundException("Importacion", id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"importacion-" + id + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(gz);
    }

    static boolean todoONada(String errores) {
        return switch (errores.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "todo_o_nada", "all_or_nothing" -> true;
            case "omitir", "skip" -> false;
            default ->
                throw new ImportacionRechazada("unknown errores \"" + errores
                        + "\": todo_o_nada (all-or-nothing) or omitir (skip the rows in error)");
        };
    }

    private Map<String, String> columnas(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, String>>() {});
        } catch (RuntimeException e) {
            throw new ImportacionRechazada("columnas must be a JSON object of header → field");
        }
    }

    /** The upload's own name without any path, for the report and the audit trail. */
    static String nombre(String original) {
        if (original == null || original.isBlank()) {
            return "archivo";
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() ? "archivo" : name.length() > 200 ? name.substring(0, 200) : name;
    }
}
