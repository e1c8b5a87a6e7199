package org.inventarioti.importacion;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The original's maintenance records: id kept, tipo and free-text estado mapped, fecha_realizada
 * (a DATETIME without zone) read in the source's zone, observaciones as notas. A record of an
 * asset that was not imported is refused with that reason.
 */
final class MantenimientosLegado {

    static final List<String> COLUMNAS = List.of(
            "id",
            "activo_id",
            "tipo",
            "titulo",
            "descripcion",
            "estado",
            "fecha_programada",
            "fecha_completado",
            "tecnico_id",
            "costo",
            "notas",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by");

    private final Contexto ctx;
    private final OffsetDateTime ahora = OffsetDateTime.now();

    MantenimientosLegado(Contexto ctx) {
        this.ctx = ctx;
    }

    void importar(Origen origen, EsquemaLegado esquema, CopyCsv copy) throws Exception {
        if (!esquema.hay("mantenimientos")) {
            return;
        }
        List<String> columns = esquema.columnas("mantenimientos");
        Columnas c = new Columnas(columns);
        origen.leer("mantenimientos", columns, fila -> {
            c.con(fila);
            ctx.registro.leida("mantenimientos");
            var id = Valores.id(c.get("id"));
            if (id.isEmpty()) {
                ctx.registro.rechazada("mantenimientos", String.valueOf(c.get("id")), "id is not a number");
                return;
            }
            String ref = id.get().toString();
            var activo = Valores.id(c.get("activo_id"));
            if (activo.isEmpty() || !ctx.activos.contains(activo.get())) {
                ctx.registro.rechazada(
                        "mantenimientos",
                        ref,
                        activo.isEmpty()
                                ? "no activo_id"
                                : "its asset " + Valores.codigo(activo.get())
                                        + " was not imported (or does not exist)");
                return;
            }
            List<String> notas = new ArrayList<>();
            String tipo = tipo(c.get("tipo"), notas, ref);
            var realizada = Valores.instante(c.get("fecha_realizada"), ctx.zona);
            String estado = estado(c.get("estado"), realizada.isPresent(), notas, ref);
            Long tecnico = Valores.id(c.get("usuario_id")).orElse(null);
            if (tecnico != null && !ctx.usuarios.contains(tecnico)) {
                notas.add("Técnico en el sistema anterior: usuario " + tecnico);
                ctx.registro.decision("mantenimientos", "usuario_id " + tecnico + " not imported", "no técnico", ref);
                tecnico = null;
            }
            String titulo = Valores.texto(c.get("titulo"));
            String descripcion = Valores.texto(c.get("descripcion"));
            if (titulo == null) {
                titulo = "Mantenimiento " + tipo;
                ctx.registro.decision("mantenimientos", "empty titulo", "\"Mantenimiento <tipo>\"", ref);
            } else if (titulo.length() > 200) {
                descripcion = descripcion == null ? titulo : titulo + "\n\n" + descripcion;
                titulo = titulo.substring(0, 199) + "…";
                ctx.registro.decision("mantenimientos", "titulo longer than 200", "cut; whole in descripcion", ref);
            }
            var costo = Valores.numero(c.get("costo")).filter(n -> n.signum() >= 0);
            String observaciones = Valores.texto(c.get("observaciones"));
            if (observaciones != null) {
                notas.add(0, observaciones);
            }
            if ("en_progreso".equals(estado) && ctx.activosDisponibles.remove(activo.get())) {
                ctx.pasanAMantenimiento.add(activo.get());
            }
            Secretos secretos = new Secretos();
            String notasTexto = notas.isEmpty() ? null : String.join("\n", notas);
            OffsetDateTime creado =
                    Valores.instante(c.get("created_at"), ctx.zona).orElse(ahora);
            copy.fila(
                    id.get(),
                    activo.get(),
                    tipo,
                    secretos.texto(ActivosLegado.sinNul(titulo)),
                    secretos.texto(ActivosLegado.sinNul(descripcion)),
                    estado,
                    Valores.fecha(c.get("fecha_programada")).orElse(null),
                    realizada.orElse(null),
                    tecnico,
                    costo.map(n -> n.setScale(2, java.math.RoundingMode.HALF_UP))
                            .orElse(null),
                    secretos.texto(ActivosLegado.sinNul(notasTexto)),
                    creado,
                    ctx.actor,
                    creado,
                    ctx.actor);
            if (secretos.quitados() > 0) {
                ctx.registro.secretos(
                        Valores.codigo(activo.get()) + " (mantenimiento " + ref + ")", secretos.quitados());
            }
            ctx.registro.importada("mantenimientos");
        });
    }

    private String tipo(String raw, List<String> notas, String ref) {
        if (raw != null) {
            var tipo = Valores.tipoMantenimiento(raw);
            if (tipo.isPresent()) {
                return tipo.get();
            }
            if (!raw.isBlank()) {
                notas.add("Tipo en el sistema anterior: " + raw.trim());
            }
        }
        ctx.registro.decision(
                "mantenimientos", "tipo " + (raw == null || raw.isBlank() ? "(empty)" : raw.trim()), "correctivo", ref);
        return "correctivo";
    }

    private String estado(String raw, boolean realizada, List<String> notas, String ref) {
        String fallback = realizada ? "completado" : "programado";
        if (raw == null || raw.isBlank()) {
            ctx.registro.decision(
                    "mantenimientos", "estado (empty)" + (realizada ? " with fecha_realizada" : ""), fallback, ref);
            return fallback;
        }
        var estado = Valores.estadoMantenimiento(raw);
        if (estado.isPresent()) {
            ctx.registro.decision("mantenimientos", "estado " + raw.trim(), estado.get(), ref);
            return estado.get();
        }
        notas.add("Estado en el sistema anterior: " + raw.trim());
        ctx.registro.decision(
                "mantenimientos", "estado " + raw.trim(), fallback + " (unmapped; the original in notas)", ref);
        return fallback;
    }
}
