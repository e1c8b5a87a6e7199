package org.inventarioti.importacion;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** One run's shared state: options, the report being built, and the ids mapped so far. */
final class Contexto {

    final String runId;
    final boolean simulacion;
    final Registro registro = new Registro();
    final JsonMapper json = JsonMapper.builder().build();
    final ZoneId zona;
    final String rolPorDefecto;
    final List<String> admins;
    final String actor;

    final Set<Long> usuarios = new HashSet<>();
    /** Legacy category id → target category id. */
    final Map<Long, Long> categorias = new HashMap<>();
    /** Target category id → its JSON Schema. */
    final Map<Long, tools.jackson.databind.JsonNode> esquemas = new HashMap<>();

    long sinCategoria;
    boolean sinCategoriaUsada;
    final Set<Long> activos = new HashSet<>();
    /** Imported assets whose estado becomes "En mantenimiento" if a maintenance of theirs is in progress. */
    final Set<Long> activosDisponibles = new HashSet<>();

    final Set<Long> pasanAMantenimiento = new HashSet<>();

    Contexto(String runId, boolean simulacion, ZoneId zona, String rolPorDefecto, List<String> admins, String actor) {
        this.runId = runId;
        this.simulacion = simulacion;
        this.zona = zona;
        this.rolPorDefecto = rolPorDefecto;
        this.admins = admins;
        this.actor = actor;
    }
}
