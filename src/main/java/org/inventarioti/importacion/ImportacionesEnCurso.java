package org.inventarioti.importacion;

import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spreadsheet import runs in the background, one at a time (they write the same tables), as the
 * user who started them. While a run goes its progress is here; when it ends the run's row in
 * {@code importaciones} holds the result and the per-row report.
 */
@Service
public class ImportacionesEnCurso {

    /** A run as its status reads: progress while it goes, then its stored result. */
    public record Estado(
            String id,
            String archivo,
            String estado,
            long hechas,
            long total,
            String mensaje,
            JsonNode resultado,
            String actor,
            java.time.OffsetDateTime iniciadaEn,
            java.time.OffsetDateTime terminadaEn) {}

    private record Progreso(String archivo, String actor, long hechas, long total, String error) {}

    private final ImportacionArchivo importacion;
    private final Importaciones importaciones;
    private final JsonMapper json;
    private final Map<UUID, Progreso> enCurso = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "importacion");
        thread.setDaemon(true);
        return thread;
    });

    ImportacionesEnCurso(ImportacionArchivo importacion, Importaciones importaciones, JsonMapper json) {
        this.importacion = importacion;
        this.importaciones = importaciones;
        this.json = json;
    }

    /**
     * Checks the file at once (format, size, header, mapping), then runs it in the background and
     * answers its id. Takes {@code file} over: it is deleted when the run ends.
     */
    public UUID empezar(Path file, String nombre, OpcionesArchivo opciones) {
        OpcionesArchivo real = opciones.real();
        try {
            importacion.comprobar(file, nombre, real);
        } catch (RuntimeException e) {
            borrar(file);
            throw e;
        }
        UUID id = UUID.randomUUID();
        String actor = org.inventarioti.auditoria.AuditoriaService.currentActor();
        enCurso.put(id, new Progreso(nombre, actor, 0, 0, null));
        SecurityContext security = SecurityContextHolder.getContext();
        executor.submit(() -> {
            SecurityContextHolder.setContext(security);
            try {
                importacion.ejecutar(
                        id,
                        file,
                        nombre,
                        real,
                        (hechas, total) -> enCurso.computeIfPresent(
                                id, (k, p) -> new Progreso(p.archivo(), p.actor(), hechas, total, null)),
                        null);
                enCurso.remove(id);
            } catch (RuntimeException e) {
                enCurso.computeIfPresent(
                        id, (k, p) -> new Progreso(p.archivo(), p.actor(), p.hechas(), p.total(), e.getMessage()));
            } finally {
                SecurityContextHolder.clearContext();
                borrar(file);
            }
        });
        return id;
    }

    public Optional<Estado> estado(UUID id) {
        Optional<Importaciones.Run> run = importaciones.buscar(id);
        Progreso progreso = enCurso.get(id);
        if (run.isPresent() && (progreso == null || !run.get().estado().equals("en_curso"))) {
            Importaciones.Run r = run.get();
            return Optional.of(new Estado(
                    id.toString(),
                    r.archivo(),
                    r.estado(),
                    r.filas(),
                    r.filas(),
                    r.mensaje(),
                    r.resultado() == null ? null : json.readTree(r.resultado()),
                    r.actor(),
                    r.iniciadaEn(),
                    r.terminadaEn()));
        }
        if (progreso == null) {
            return Optional.empty();
        }
        return Optional.of(new Estado(
                id.toString(),
                progreso.archivo(),
                progreso.error() == null ? "en_curso" : "fallida",
                progreso.hechas(),
                progreso.total(),
                progreso.error(),
                null,
                progreso.actor(),
                null,
                null));
    }

    /** The per-row report (CSV, gzipped as stored) of a finished run. */
    public Optional<byte[]> informeGz(UUID id) {
        return importaciones.informe(id);
    }

    private static void borrar(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a temporary upload
        }
    }

    @PreDestroy
    void parar() {
        executor.shutdownNow();
    }
}
