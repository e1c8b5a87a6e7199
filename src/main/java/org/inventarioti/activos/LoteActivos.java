package org.inventarioti.activos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Versions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The batched path of {@link ActivoService#guardarVarios}: the rules of {@link ReglasActivo} on
 * every row (the categories and the maintenance in progress looked up once for the batch), then
 * one batch of INSERTs, one of UPDATEs (each at the version the row was read at), one read-back
 * and one batch of audit rows — the same rows {@code crear} and {@code reemplazar} write, with a
 * handful of round trips per batch instead of five per row.
 */
@Component
class LoteActivos {

    private final ActivoRepository repository;
    private final ReglasActivo reglas;
    private final CategoriaService categorias;
    private final MantenimientosDeActivo mantenimientos;
    private final AuditoriaService auditoria;

    LoteActivos(
            ActivoRepository repository,
            ReglasActivo reglas,
            CategoriaService categorias,
            MantenimientosDeActivo mantenimientos,
            AuditoriaService auditoria) {
        this.repository = repository;
        this.reglas = reglas;
        this.categorias = categorias;
        this.mantenimientos = mantenimientos;
        this.auditoria = auditoria;
    }

    List<ActivoService.Escrito> guardar(List<ActivoService.Escritura> filas, boolean escribir) {
        Map<Long, Optional<Categoria>> categoria = new HashMap<>();
        Map<Long, Long> enProgreso = mantenimientos.enProgreso(filas.stream()
                .filter(f -> f.antes() != null)
                .map(f -> f.antes().id())
                .toList());
        List<List<FieldError>> errores = new ArrayList<>(filas.size());
        List<ActivoRequest> validas = new ArrayList<>(filas.size());
        for (ActivoService.Escritura f : filas) {
            List<FieldError> errors = new ArrayList<>();
            ActivoRequest clean = reglas.comprobar(
                    f.request(),
                    Optional.ofNullable(f.antes()),
                    errors,
                    id -> categoria.computeIfAbsent(id, categorias::encontrar),
                    id -> Optional.ofNullable(enProgreso.get(id)));
            errores.add(errors);
            validas.add(errors.isEmpty() ? clean : null);
        }
        Map<Integer, Long> ids = escribir ? escribir(filas, validas) : Map.of();
        Map<Long, Activo> leidos = new HashMap<>();
        repository.porIds(ids.values()).forEach(a -> leidos.put(a.id(), a));
        List<AuditoriaService.Registro> creados = new ArrayList<>();
        List<AuditoriaService.Registro> actualizados = new ArrayList<>();
        List<ActivoService.Escrito> resultados = new ArrayList<>(filas.size());
        for (int i = 0; i < filas.size(); i++) {
            Activo after = ids.containsKey(i) ? leidos.get(ids.get(i)) : null;
            Activo before = filas.get(i).antes();
            if (after != null) {
                (before == null ? creados : actualizados).add(new AuditoriaService.Registro(after.id(), before, after));
            }
            resultados.add(new ActivoService.Escrito(List.copyOf(errores.get(i)), after));
        }
        auditoria.creados(ActivoService.ENTIDAD, creados);
        auditoria.actualizados(ActivoService.ENTIDAD, actualizados);
        return resultados;
    }

    /** The valid rows written: row index → asset id. */
    private Map<Integer, Long> escribir(List<ActivoService.Escritura> filas, List<ActivoRequest> validas) {
        String actor = AuditoriaService.currentActor();
        List<Integer> nuevas = new ArrayList<>();
        List<ActivoRequest> altas = new ArrayList<>();
        List<Integer> cambiadas = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        List<ActivoRequest> cambios = new ArrayList<>();
        for (int i = 0; i < filas.size(); i++) {
            ActivoRequest valid = validas.get(i);
            Activo antes = filas.get(i).antes();
            if (valid == null) {
                continue;
            }
            if (antes == null) {
                nuevas.add(i);
                altas.add(valid);
            } else {
                cambiadas.add(i);
                ids.add(antes.id());
                versions.add(Versions.required(valid.version(), null));
                cambios.add(valid);
            }
        }
        Map<Integer, Long> written = new HashMap<>();
        try {
            List<Long> created = repository.insertarVarios(altas, actor);
            for (int k = 0; k < created.size(); k++) {
                written.put(nuevas.get(k), created.get(k));
            }
            boolean[] updated = repository.actualizarVarios(ids, versions, cambios, actor);
            for (int k = 0; k < updated.length; k++) {
                if (!updated[k]) {
                    long id = ids.get(k);
                    int version = versions.get(k);
                    throw repository
                            .findById(id)
                            .<RuntimeException>map(current -> Versions.stale("Activo", id, version, current))
                            .orElseGet(() -> new NotFoundException("Activo", id));
                }
                written.put(cambiadas.get(k), ids.get(k));
            }
        } catch (DuplicateKeyException e) {
            throw ActivoService.duplicate(e);
        }
        return written;
    }
}
