package org.inventarioti.importacion;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoRequest;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Versions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Undoes a completed spreadsheet import within {@code inventario.importaciones.deshacer-durante}
 * (7 days by default): the assets it created are deleted, the ones it updated get back the values
 * the audit trail recorded before the run. All or nothing, and refused (409, naming the assets)
 * when any of them changed since the import. Every change is audited as any other, plus one
 * {@code importacion_deshecha} event.
 */
@Service
public class DeshacerImportacion {

    public record Resultado(String id, long eliminadas, long restauradas) {}

    private final Importaciones importaciones;
    private final ActivoService activos;
    private final AuditoriaService auditoria;
    private final JsonMapper json;
    private final Duration periodo;

    DeshacerImportacion(
            Importaciones importaciones,
            ActivoService activos,
            AuditoriaService auditoria,
            JsonMapper json,
            @Value("${inventario.importaciones.deshacer-durante:7d}") Duration periodo) {
        this.importaciones = importaciones;
        this.activos = activos;
        this.auditoria = auditoria;
        this.json = json;
        this.periodo = periodo;
    }

    public Duration periodo() {
        return periodo;
    }

    @Transactional
    public Resultado deshacer(UUID id) {
        Importaciones.Run run = importaciones.bloquear(id).orElseThrow(() -> new NotFoundException("Importacion", id));
        if (!run.estado().equals("completada")) {
            throw new ConflictException(
                    "import " + id + " is " + run.estado() + ": only a completed import can be undone");
        }
        if (run.terminadaEn() == null || run.terminadaEn().plus(periodo).isBefore(OffsetDateTime.now())) {
            throw new ConflictException("import " + id + " ended more than " + periodo.toDays()
                    + " day(s) ago: the period to undo it is over (inventario.importaciones.deshacer-durante)");
        }
        List<Importaciones.Tocado> tocados = importaciones.tocados(id);
        List<String> cambiados = new ArrayList<>();
        Map<Importaciones.Tocado, Activo> actuales = new LinkedHashMap<>();
        for (Importaciones.Tocado t : tocados) {
            if (!activos.existe(t.activoId())) {
                cambiados.add("#" + t.activoId() + " (deleted)");
                continue;
            }
            Activo current = activos.buscar(t.activoId());
            if (current.version() != t.version()) {
                cambiados.add(current.codigo());
            }
            actuales.put(t, current);
        }
        if (!cambiados.isEmpty()) {
            throw new ConflictException("the undo is refused, nothing was changed: " + cambiados.size()
                    + " asset(s) changed since the import: "
                    + String.join(", ", cambiados.subList(0, Math.min(20, cambiados.size())))
                    + (cambiados.size() > 20 ? ", …" : ""));
        }
        long eliminadas = 0;
        long restauradas = 0;
        for (Map.Entry<Importaciones.Tocado, Activo> e : actuales.entrySet()) {
            Activo current = e.getValue();
            if (e.getKey().accion().equals("crear")) {
                activos.eliminar(current.id(), Versions.etag(current.version()));
                eliminadas++;
            } else {
                activos.reemplazar(current.id(), anterior(id, current), null);
                restauradas++;
            }
        }
        importaciones.estado(id, "deshecha");
        auditoria.evento(
                ImportacionArchivo.ENTIDAD + "_deshecha",
                ImportacionArchivo.ENTIDAD,
                id,
                null,
                Map.of(
                        "archivo",
                        run.archivo(),
                        "sha256",
                        run.sha256(),
                        "eliminadas",
                        eliminadas,
                        "restauradas",
                        restauradas));
        return new Resultado(id.toString(), eliminadas, restauradas);
    }

    /** The asset as it is, with the fields the import changed set back to what the audit recorded before. */
    private ActivoRequest anterior(UUID id, Activo current) {
        ObjectNode request = json.valueToTree(ActivoService.comoRequest(current));
        importaciones.antes(id, current.id()).ifPresent(text -> {
            JsonNode antes = json.readTree(text);
            for (String field : antes.propertyNames()) {
                if (request.has(field) && !field.equals("version")) {
                    request.set(field, antes.get(field));
                }
            }
        });
        request.put("version", current.version());
        return json.treeToValue(request, ActivoRequest.class);
    }
}
