package org.inventarioti.importacion;

import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inventarioti.secretos.DetectorSecretos;
import tools.jackson.databind.node.ObjectNode;

/**
 * The original's assets, id kept (so codigo TI-000123 and the old label URL /activos/123 stay
 * theirs): estado spellings mapped, specification texts converted or quarantined, secrets
 * stripped from every text, colliding serial numbers refused with the asset they collide with.
 */
final class ActivosLegado {

    static final List<String> COLUMNAS = List.of(
            "id",
            "codigo",
            "categoria_id",
            "nombre",
            "marca",
            "modelo",
            "numero_serie",
            "estado",
            "area",
            "ubicacion",
            "proveedor",
            "fecha_compra",
            "garantia_hasta",
            "precio",
            "moneda",
            "responsable",
            "notas",
            "bitlocker",
            "especificaciones",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by");
    static final List<String> CUARENTENA = List.of("activo_id", "texto_original", "motivo");

    private final Contexto ctx;
    private final EspecificacionesLegado specs;
    private final OffsetDateTime ahora = OffsetDateTime.now();

    ActivosLegado(Contexto ctx) {
        this.ctx = ctx;
        this.specs = new EspecificacionesLegado(ctx.json, ctx.registro);
    }

    void importar(Origen origen, EsquemaLegado esquema, CopyCsv copy, Writer cuarentena) throws Exception {
        List<String> columns = esquema.columnas("activos");
        List<String> unknown = esquema.desconocidas("activos");
        Columnas c = new Columnas(columns);
        CopyCsv quarantine = CopyCsv.to(cuarentena);
        Map<String, Long> series = new HashMap<>();
        origen.leer("activos", columns, fila -> {
            c.con(fila);
            ctx.registro.leida("activos");
            var parsedId = Valores.id(c.get("id"));
            if (parsedId.isEmpty()) {
                ctx.registro.rechazada("activos", String.valueOf(c.get("id")), "id is not a number");
                return;
            }
            long id = parsedId.get();
            String codigo = Valores.codigo(id);
            String serie = sinNul(Valores.texto(c.get("numero_serie")));
            if (serie == null || serie.length() > 100) {
                ctx.registro.rechazada(
                        "activos",
                        codigo,
                        serie == null ? "no numero_serie" : "numero_serie longer than 100 characters");
                return;
            }
            Long other = series.putIfAbsent(serie.toLowerCase(Locale.ROOT), id);
            if (other != null) {
                ctx.registro.decision("numero_serie", serie, "collides with " + Valores.codigo(other), codigo);
                ctx.registro.rechazada(
                        "activos",
                        codigo,
                        "numero_serie collides with " + Valores.codigo(other) + "'s (case and spaces ignored)");
                return;
            }
            Long categoria = categoria(c.get("categoria_id"), codigo);
            var result = specs.convertir(texto(c), ctx.esquemas.get(categoria), codigo);
            ActivoLegado a = columnas(c, codigo);
            ObjectNode especificaciones = result.especificaciones();
            result.campos().forEach((key, value) -> mover(a, especificaciones, key, value, c, codigo));
            Secretos secretos = new Secretos();
            for (String column : unknown) {
                extra(especificaciones, column, c.get(column), secretos);
            }
            estado(a, codigo);
            a.notas = unir(a.notas, a.notasAnadidas);
            String[] texts = {a.nombre, a.marca, a.modelo, a.area, a.ubicacion, a.proveedor, a.responsable, a.notas};
            for (int i = 0; i < texts.length; i++) {
                texts[i] = secretos.texto(sinNul(texts[i]));
            }
            int stripped = result.secretos() + secretos.quitados();
            if (stripped > 0) {
                ctx.registro.secretos(codigo, stripped);
            }
            String nombre = texts[0] == null ? serie : texts[0];
            if (texts[0] == null) {
                ctx.registro.decision("activos", "empty nombre", "the numero_serie", codigo);
            }
            OffsetDateTime creado =
                    Valores.instante(c.get("created_at"), ctx.zona).orElse(ahora);
            OffsetDateTime cambiado =
                    Valores.instante(c.get("updated_at"), ctx.zona).orElse(creado);
            copy.fila(
                    id,
                    codigo,
                    categoria,
                    nombre,
                    texts[1],
                    texts[2],
                    serie,
                    a.estado,
                    texts[3],
                    texts[4],
                    texts[5],
                    a.fechaCompra,
                    a.garantiaHasta,
                    a.precio,
                    a.moneda,
                    texts[6],
                    texts[7],
                    a.bitlocker,
                    ctx.json.writeValueAsString(especificaciones),
                    creado,
                    ctx.actor,
                    cambiado,
                    ctx.actor);
            ctx.activos.add(id);
            if (!a.estado.equals("En mantenimiento") && !a.estado.equals("Dado de baja")) {
                ctx.activosDisponibles.add(id);
            }
            if (result.cuarentena() != null) {
                quarantine.fila(id, sinNul(result.cuarentena()), result.motivo());
                ctx.registro.enCuarentena("activos");
            } else {
                ctx.registro.importada("activos");
            }
        });
        quarantine.close();
    }

    /** Between the original's two migrations both columns exist: the TEXT one is the truth then. */
    private static String texto(Columnas c) {
        String text = c.get("especificaciones");
        return text == null || text.isBlank() ? c.get("especificaciones_json") : text;
    }

    private Long categoria(String raw, String codigo) {
        Long target = Valores.id(raw).map(ctx.categorias::get).orElse(null);
        if (target == null) {
            ctx.registro.decision(
                    "categories",
                    raw == null ? "asset without categoria_id" : "categoria_id " + raw + " not imported",
                    CategoriasLegado.SIN_CATEGORIA,
                    codigo);
            ctx.sinCategoriaUsada = true;
            return ctx.sinCategoria;
        }
        return target;
    }

    private ActivoLegado columnas(Columnas c, String codigo) {
        ActivoLegado a = new ActivoLegado();
        a.nombre = Valores.texto(c.get("nombre"));
        a.marca = Valores.texto(c.get("marca"));
        a.modelo = Valores.texto(c.get("modelo"));
        a.estado = Valores.texto(c.get("estado"));
        a.area = Valores.texto(c.get("area"));
        a.ubicacion = Valores.texto(c.get("ubicacion"));
        a.proveedor = Valores.texto(c.get("proveedor"));
        a.responsable = Valores.texto(c.get("responsable"));
        a.notas = Valores.texto(c.get("notas"));
        a.bitlocker = Valores.texto(c.get("bitlocker"));
        fecha(a, "fecha_compra", c.get("fecha_compra"), codigo);
        fecha(a, "garantia_hasta", c.get("garantia_hasta"), codigo);
        String precio = c.get("precio_usd") != null ? c.get("precio_usd") : c.get("precio");
        precio(a, precio, c.get("precio_usd") != null ? "USD" : Valores.texto(c.get("moneda")), codigo);
        if (a.nombre != null && a.nombre.length() > 200) {
            a.notasAnadidas.add("Nombre completo: " + a.nombre);
            a.nombre = a.nombre.substring(0, 200);
            ctx.registro.decision("activos", "nombre longer than 200", "cut; the whole one in notas", codigo);
        }
        return a;
    }

    private void fecha(ActivoLegado a, String field, String raw, String codigo) {
        var date = Valores.fecha(raw);
        if (date.isEmpty() && Valores.texto(raw) != null && !raw.startsWith("0000-00-00")) {
            a.notasAnadidas.add(field + " en el sistema anterior: " + raw.trim());
            ctx.registro.decision("activos", field + " not a date", "empty; the original in notas", codigo);
        } else if (raw != null && raw.startsWith("0000-00-00")) {
            ctx.registro.decision("activos", field + " 0000-00-00", "empty", codigo);
        }
        if (field.equals("fecha_compra")) {
            a.fechaCompra = date.orElse(null);
        } else {
            a.garantiaHasta = date.orElse(null);
        }
    }

    private void precio(ActivoLegado a, String raw, String moneda, String codigo) {
        if (Valores.texto(raw) == null) {
            return;
        }
        var number = Valores.numero(raw);
        if (number.isEmpty()
                || number.get().signum() < 0
                || number.get().precision() - number.get().scale() > 12) {
            a.notasAnadidas.add("Precio en el sistema anterior: " + raw.trim());
            ctx.registro.decision("activos", "precio " + raw.trim(), "empty; the original in notas", codigo);
            return;
        }
        a.precio = number.get().setScale(2, java.math.RoundingMode.HALF_UP);
        a.moneda = moneda == null || !moneda.matches("[A-Z]{3}") ? "USD" : moneda;
    }

    /** An asset field the original's form stored inside the specs: moved out when the field is empty. */
    private void mover(
            ActivoLegado a, ObjectNode especificaciones, String key, String value, Columnas c, String codigo) {
        String current = ActivoLegado.CAMPOS.contains(key) ? a.campo(key) : c.get(key);
        if (current != null && ActivoLegado.igual(key, current, value)) {
            ctx.registro.decision("especificaciones", "key " + key + " equal to the asset's", "dropped", codigo);
            return;
        }
        boolean movable = !List.of("id", "categoria_id", "numero_serie").contains(key);
        if (current == null && movable && a.poner(key, value)) {
            ctx.registro.decision("especificaciones", "key " + key, "moved to the asset's " + key, codigo);
            return;
        }
        especificaciones.put(key, value);
        ctx.registro.decision("especificaciones", "key " + key + " differs from the asset's", "kept", codigo);
    }

    private void extra(ObjectNode especificaciones, String column, String value, Secretos secretos) {
        if (Valores.texto(value) == null) {
            return;
        }
        String key = Claves.normalizar(column);
        if (DetectorSecretos.claveSensible(column) || Secretos.pareceSecreto(value)) {
            secretos.quitado();
            return;
        }
        especificaciones.put(especificaciones.has(key) ? "legado_" + key : key, sinNul(value));
    }

    private void estado(ActivoLegado a, String codigo) {
        String raw = a.estado;
        if (raw == null) {
            a.estado = "Activo";
            ctx.registro.decision("estado", "(empty)", "Activo", codigo);
        } else {
            var mapped = Valores.estado(raw);
            if (mapped.isPresent()) {
                a.estado = mapped.get();
                ctx.registro.decision("estado", raw, mapped.get(), codigo);
            } else {
                a.estado = "Activo";
                a.notasAnadidas.add("Estado en el sistema anterior: " + raw);
                ctx.registro.decision("estado", raw, "unmapped: Activo, the original in notas", codigo);
            }
        }
        String bitlocker = a.bitlocker == null ? null : a.bitlocker.toLowerCase(Locale.ROOT);
        if (bitlocker == null || !List.of("enabled", "disabled", "unknown").contains(bitlocker)) {
            if (bitlocker != null) {
                ctx.registro.decision("bitlocker", a.bitlocker, "unknown", codigo);
            }
            bitlocker = "unknown";
        }
        a.bitlocker = bitlocker;
    }

    private static String unir(String notas, List<String> anadidas) {
        if (anadidas.isEmpty()) {
            return notas;
        }
        String extra = String.join("\n", anadidas);
        return notas == null ? extra : notas + "\n" + extra;
    }

    static String sinNul(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }
}
