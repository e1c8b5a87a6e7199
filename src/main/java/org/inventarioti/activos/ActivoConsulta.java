package org.inventarioti.activos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.inventarioti.categorias.ClavesEspecificacion;
import org.inventarioti.listing.ListParams;
import org.inventarioti.listing.Sort;
import org.inventarioti.listing.SortKey;
import org.inventarioti.listing.SqlFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The filters and sorts of the asset list, each written as the SQL its index serves (see V5):
 * equality filters on lower-cased sort keys, date ranges on NOT NULL sort keys, free text through
 * the trigram index without case or accents (V25), especificaciones through jsonb containment
 * ({@code @>}, GIN jsonb_path_ops) of their comparable form (V25: no case, accents or unit spaces).
 */
final class ActivoConsulta {

    static final Set<String> FILTERS = Set.of(
            "q",
            "categoria_id",
            "estado",
            "area",
            "responsable",
            "proveedor",
            "bitlocker",
            "fecha_compra_desde",
            "fecha_compra_hasta",
            "garantia_vence_desde",
            "garantia_vence_antes");
    static final Set<String> REPEATABLE = Set.of("categoria_id", "estado", "bitlocker");

    /** The text of the search box, without case or accents, especificaciones values included (V25). */
    static String texto(String columna) {
        return "activos_busqueda(a.nombre, a.marca, a.modelo, a.numero_serie, a.codigo, a.responsable, a.notas, "
                + columna + ")";
    }

    /** The especificaciones as spec filters compare them: text values without case, accents or unit spaces (V25). */
    private static String comparables(String columna) {
        return "especificaciones_comparables(" + columna + ")";
    }

    private static final String FECHA_COMPRA = "coalesce(a.fecha_compra, '-infinity'::date)";
    private static final String GARANTIA = "coalesce(a.garantia_hasta, '-infinity'::date)";
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,17})(\\.\\d{1,18})?");

    static final Sort.Keys SORTS = new Sort.Keys(List.of(
            SortKey.unique("codigo", "a.codigo", "text"),
            SortKey.unique("id", "a.id", "bigint"),
            SortKey.of("nombre", "lower(a.nombre)", "text"),
            SortKey.of("categoria_id", "a.categoria_id", "bigint"),
            SortKey.of("marca", "lower(coalesce(a.marca, ''))", "text"),
            SortKey.of("modelo", "lower(coalesce(a.modelo, ''))", "text"),
            SortKey.unique("numero_serie", "lower(btrim(a.numero_serie))", "text"),
            SortKey.of("estado", "a.estado", "text"),
            SortKey.of("area", "lower(coalesce(a.area, ''))", "text"),
            SortKey.of("ubicacion", "lower(coalesce(a.ubicacion, ''))", "text"),
            SortKey.of("proveedor", "lower(coalesce(a.proveedor, ''))", "text"),
            SortKey.of("responsable", "lower(coalesce(a.responsable, ''))", "text"),
            SortKey.of("bitlocker", "a.bitlocker", "text"),
            SortKey.of("fecha_compra", FECHA_COMPRA, "date"),
            SortKey.of("garantia_hasta", GARANTIA, "date"),
            SortKey.of("precio", "coalesce(a.precio, -1)", "numeric"),
            SortKey.of("created_at", "a.created_at", "timestamptz"),
            SortKey.of("updated_at", "a.updated_at", "timestamptz")));

    static final Sort DEFAULT_SORT = SORTS.by("codigo", false);

    private ActivoConsulta() {}

    static ListParams params(Map<String, List<String>> query) {
        return ListParams.of(query, FILTERS, REPEATABLE, true);
    }

    static SqlFilter filter(ListParams params, JsonMapper json) {
        return filter(params, json, "a.especificaciones");
    }

    /** {@code columna}: the JSONB especificaciones column on this side of V3. */
    static SqlFilter filter(ListParams params, JsonMapper json, String columna) {
        SqlFilter filter = new SqlFilter();
        List<Long> categorias = params.numbers("categoria_id");
        if (!categorias.isEmpty()) {
            filter.add("a.categoria_id IN (:v)", Map.of("v", categorias));
        }
        List<String> estados = params.all("estado");
        estados.forEach(e -> ListParams.oneOf("estado", e, Set.copyOf(Activo.ESTADOS)));
        if (!estados.isEmpty()) {
            filter.add("a.estado IN (:v)", Map.of("v", estados));
        }
        List<String> bitlocker = params.all("bitlocker");
        bitlocker.forEach(b -> ListParams.oneOf("bitlocker", b, Set.copyOf(Activo.BITLOCKER)));
        if (!bitlocker.isEmpty()) {
            filter.add("a.bitlocker IN (:v)", Map.of("v", bitlocker));
        }
        for (String column : List.of("area", "responsable", "proveedor")) {
            params.text(column)
                    .ifPresent(
                            v -> filter.add("lower(coalesce(a." + column + ", '')) = ?", v.toLowerCase(Locale.ROOT)));
        }
        params.date("fecha_compra_desde").ifPresent(d -> filter.add(FECHA_COMPRA + " >= ?", d));
        params.date("fecha_compra_hasta").ifPresent(d -> {
            filter.add(FECHA_COMPRA + " > '-infinity'::date");
            filter.add(FECHA_COMPRA + " <= ?", d);
        });
        params.date("garantia_vence_desde").ifPresent(d -> filter.add(GARANTIA + " >= ?", d));
        params.date("garantia_vence_antes").ifPresent(d -> {
            filter.add(GARANTIA + " > '-infinity'::date");
            filter.add(GARANTIA + " < ?", d);
        });
        params.text("q")
                .ifPresent(
                        q -> filter.add(texto(columna) + " LIKE inventario_sin_acentos(?)", SqlFilter.containing(q)));
        especificaciones(params.specFilters(), filter, json, columna);
        return filter;
    }

    /**
     * {@code spec.ram=16GB} matches especificaciones containing {"ram": "16GB"}; a value that reads
     * as a number or boolean also matches that JSON number or boolean; {@code spec.red.mac=…}
     * looks inside nested objects; a key given twice matches either value. Plain-text filters go
     * into one containment document, so the GIN index is probed once.
     */
    private static void especificaciones(
            Map<String, List<String>> specs, SqlFilter filter, JsonMapper json, String columna) {
        ObjectNode combined = json.createObjectNode();
        for (Map.Entry<String, List<String>> spec : specs.entrySet()) {
            List<String> path = new ArrayList<>();
            for (String part : spec.getKey().split("\\.", -1)) {
                String key = ClavesEspecificacion.normalizar(part);
                if (key.isEmpty()) {
                    throw ListParams.bad("spec." + spec.getKey(), "must name a key: spec.<key>[.<key>…]=<value>");
                }
                path.add(key);
            }
            List<JsonNode> candidates = new ArrayList<>();
            for (String value : spec.getValue()) {
                candidates.add(json.getNodeFactory().stringNode(value));
                if (NUMBER.matcher(value).matches()) {
                    candidates.add(json.getNodeFactory().numberNode(new BigDecimal(value)));
                } else if (value.equals("true") || value.equals("false")) {
                    candidates.add(json.getNodeFactory().booleanNode(Boolean.parseBoolean(value)));
                }
            }
            if (candidates.size() == 1) {
                merge(combined, path, candidates.get(0));
                continue;
            }
            Map<String, Object> named = new LinkedHashMap<>();
            List<String> alternatives = new ArrayList<>();
            for (JsonNode candidate : candidates) {
                ObjectNode document = json.createObjectNode();
                merge(document, path, candidate);
                named.put("s" + named.size(), json.writeValueAsString(document));
                alternatives.add(comparables(columna) + " @> especificaciones_comparables(CAST(:s" + (named.size() - 1)
                        + " AS jsonb))");
            }
            filter.add("(" + String.join(" OR ", alternatives) + ")", named);
        }
        if (!combined.isEmpty()) {
            filter.add(
                    comparables(columna) + " @> especificaciones_comparables(CAST(? AS jsonb))",
                    json.writeValueAsString(combined));
        }
    }

    private static void merge(ObjectNode document, List<String> path, JsonNode value) {
        ObjectNode node = document;
        for (String key : path.subList(0, path.size() - 1)) {
            JsonNode child = node.get(key);
            node = child instanceof ObjectNode object ? object : node.putObject(key);
        }
        node.set(path.get(path.size() - 1), value);
    }
}
