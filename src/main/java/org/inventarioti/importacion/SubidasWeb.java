package org.inventarioti.importacion;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files uploaded on the import page, kept between the preview and the run (the mapping may be
 * edited and previewed again): each under a random token, for the user who uploaded it only, for
 * an hour; at most {@link #MAXIMO} at once. A run takes its file over.
 */
@Component
class SubidasWeb {

    static final int MAXIMO = 20;
    static final Duration VIDA = Duration.ofHours(1);

    record Subida(Path file, String nombre, String actor, Instant creada) {}

    private final Map<UUID, Subida> subidas = new ConcurrentHashMap<>();
    private final Clock clock;

    SubidasWeb(Clock clock) {
        this.clock = clock;
    }

    UUID guardar(MultipartFile archivo, String nombre, String actor) throws IOException {
        caducar();
        if (subidas.size() >= MAXIMO) {
            throw new ImportacionRechazada("too many imports waiting for their run; try again in a while");
        }
        Path file = Files.createTempFile("inventario-pagina-", ".tmp");
        try {
            archivo.transferTo(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        UUID token = UUID.randomUUID();
        subidas.put(token, new Subida(file, nombre, actor, clock.instant()));
        return token;
    }

    /** The user's upload under this token, if it is still kept. */
    Optional<Subida> de(UUID token, String actor) {
        caducar();
        return Optional.ofNullable(subidas.get(token)).filter(s -> s.actor().equals(actor));
    }

    /** Hands the file over to a run: it is no longer kept here. */
    Optional<Subida> tomar(UUID token, String actor) {
        Optional<Subida> subida = de(token, actor);
        subida.ifPresent(s -> subidas.remove(token));
        return subida;
    }

    /** Forgets an upload and deletes its file. */
    void descartar(UUID token, String actor) {
        tomar(token, actor).ifPresent(s -> borrar(s.file()));
    }

    private void caducar() {
        Instant limite = clock.instant().minus(VIDA);
        subidas.entrySet().removeIf(e -> {
            if (e.getValue().creada().isBefore(limite)) {
                borrar(e.getValue().file());
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    void vaciar() {
        subidas.values().forEach(s -> borrar(s.file()));
        subidas.clear();
    }

    private static void borrar(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary upload
        }
    }
}
