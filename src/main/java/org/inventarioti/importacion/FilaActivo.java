package org.inventarioti.importacion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoRequest;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.secretos.DetectorSecretos;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One spreadsheet row read into an asset: every mapped cell parsed (dates dd/mm/yyyy or ISO,
 * decimal comma, estado and BitLocker spellings, the category by name ignoring case and accents,
 * {@code spec.<key>} typed by the category's schema), each cell's problem named by its column.
 * A cell that looks like a recovery key or private key, or any value in a column whose key names
 * a secret, refuses the row; such a value is never kept, echoed or written to the report.
 */
final class FilaActivo {

    /** A cell's problem: the column's header and a message that never quotes a secret. */
    record Problema(String columna, String mensaje) {
        @Override
        public String toString() {
            return columna + ": " + mensaje;
        }
    }

    private final Mapeo mapeo;
    private final Map<String, Categoria> categorias;
    private final JsonMapper json;

    FilaActivo(Mapeo mapeo, Map<String, Categoria> categorias, JsonMapper json) {
        this.mapeo = mapeo;
        this.categorias = categorias;
        this.json = json;
    }

    /** What a row became: the request (null when a cell could not be read) and its problems. */
    record Lectura(ActivoRequest request, List<Problema> problemas, boolean[] secretas) {}

    String valor(String[] row, String campo) {
        int i = mapeo.indice(campo);
        return i < 0 ? null : row[i];
    }

    /** The row read over {@code base} (the matched asset for an update, or nothing): unmapped fields keep their value. */
    Lectura leer(String[] row, Activo base) {
        List<Problema> problemas = new ArrayList<>();
        boolean[] secretas = new boolean[row.length];
        for (Mapeo.Columna c : mapeo.columnas()) {
            String cell = row[c.indice()];
            if (cell == null) {
                continue;
            }
            if (c.secreto()) {
                secretas[c.indice()] = true;
                problemas.add(new Problema(
                        c.cabecera(),
                        "names a secret (recovery key, password, secret, token or private key): refused, keep it in"
                                + " a secret manager (the value is not shown)"));
            } else if (c.campo() != null && DetectorSecretos.pareceSecreto(cell)) {
                secretas[c.indice()] = true;
                problemas.add(new Problema(
                        c.cabecera(),
                        "looks like a recovery key or private key: refused, keep it in a secret manager (the value"
                                + " is not shown)"));
            }
        }
        if (!problemas.isEmpty()) {
            return new Lectura(null, problemas, secretas);
        }
        ActivoRequest b = base == null ? null : ActivoService.comoRequest(base);
        Long categoriaId = b == null ? null : b.categoriaId();
        Categoria categoria = base == null
                ? null
                : categorias.values().stream()
                        .filter(k -> k.id() == base.categoriaId())
                        .findFirst()
                        .orElse(null);
        if (mapeo.tiene("categoria")) {
            String name = valor(row, "categoria");
            if (name == null) {
                problemas.add(new Problema(mapeo.cabeceraDe("categoria"), "is required"));
                categoriaId = null;
                categoria = null;
            } else {
                categoria = categorias.get(Valores.clave(name));
                if (categoria == null) {
                    problemas.add(new Problema(
                            mapeo.cabeceraDe("categoria"),
                            "unknown category \"" + name.strip() + "\" (categories: "
                                    + String.join(
                                            ", ",
                                            categorias.values().stream()
                                                    .map(Categoria::nombre)
                                                    .sorted()
                                                    .toList())
                                    + ")"));
                    categoriaId = null;
                } else {
                    categoriaId = categoria.id();
                }
            }
        } else if (base == null) {
            problemas.add(new Problema("categoria", "the file has no category column: a new asset needs one"));
        }
        String estado = b == null ? null : b.estado();
        if (mapeo.tiene("estado")) {
            String text = valor(row, "estado");
            estado = text == null ? null : Valores.estado(text).orElse(null);
            if (text != null && estado == null) {
                problemas.add(new Problema(
                        mapeo.cabeceraDe("estado"), "must be one of: " + String.join(", ", Activo.ESTADOS)));
            }
        }
        String bitlocker = b == null ? null : b.bitlocker();
        if (mapeo.tiene("bitlocker")) {
            String text = valor(row, "bitlocker");
            bitlocker = text == null ? null : bitlocker(text);
            if (text != null && bitlocker == null) {
                problemas.add(new Problema(mapeo.cabeceraDe("bitlocker"), "must be enabled, disabled or unknown"));
            }
        }
        LocalDate compra = fecha(row, "fecha_compra", b == null ? null : b.fechaCompra(), problemas);
        LocalDate garantia = fecha(row, "garantia_hasta", b == null ? null : b.garantiaHasta(), problemas);
        BigDecimal precio = b == null ? null : b.precio();
        if (mapeo.tiene("precio")) {
            try {
                precio = Valores.importe(valor(row, "precio")).orElse(null);
            } catch (IllegalArgumentException e) {
                problemas.add(new Problema(mapeo.cabeceraDe("precio"), e.getMessage()));
            }
        }
        String moneda = texto(row, "moneda", b == null ? null : b.moneda());
        if (moneda != null) {
            moneda = moneda.strip().toUpperCase(java.util.Locale.ROOT);
        }
        ObjectNode specs = especificaciones(row, b, categoria, problemas);
        ActivoRequest request = new ActivoRequest(
                categoriaId,
                texto(row, "nombre", b == null ? null : b.nombre()),
                texto(row, "marca", b == null ? null : b.marca()),
                texto(row, "modelo", b == null ? null : b.modelo()),
                texto(row, "numero_serie", b == null ? null : b.numeroSerie()),
                estado,
                texto(row, "area", b == null ? null : b.area()),
                texto(row, "ubicacion", b == null ? null : b.ubicacion()),
                texto(row, "proveedor", b == null ? null : b.proveedor()),
                compra,
                garantia,
                precio,
                moneda,
                texto(row, "responsable", b == null ? null : b.responsable()),
                texto(row, "notas", b == null ? null : b.notas()),
                bitlocker,
                specs,
                base == null ? null : base.version());
        return new Lectura(problemas.isEmpty() ? request : null, problemas, secretas);
    }

    private String texto(String[] row, String campo, String otherwise) {
        return mapeo.tiene(campo) ? Valores.texto(valor(row, campo)) : otherwise;
    }

    private LocalDate fecha(String[] row, String campo, LocalDate otherwise, List<Problema> problemas) {
        if (!mapeo.tiene(campo)) {
            return otherwise;
        }
        try {
            return Valores.fechaHoja(valor(row, campo)).orElse(null);
        } catch (IllegalArgumentException e) {
            problemas.add(new Problema(mapeo.cabeceraDe(campo), e.getMessage()));
            return null;
        }
    }

    static String bitlocker(String text) {
        return switch (Valores.clave(text)) {
            case "enabled", "on", "yes", "si", "true", "activado", "habilitado", "cifrado" -> "enabled";
            case "disabled", "off", "no", "false", "desactivado", "deshabilitado", "sin cifrar" -> "disabled";
            case "unknown", "desconocido", "n a", "?" -> "unknown";
            default -> null;
        };
    }

    /** The JSON column (replacing) and then the spec.<key> columns (merged, typed by the schema). */
    private ObjectNode especificaciones(String[] row, ActivoRequest b, Categoria categoria, List<Problema> problemas) {
        ObjectNode specs = b == null || b.especificaciones() == null
                ? json.createObjectNode()
                : b.especificaciones().deepCopy();
        if (mapeo.tiene("especificaciones")) {
            String text = valor(row, "especificaciones");
            if (text == null) {
                specs = json.createObjectNode();
            } else {
                try {
                    JsonNode node = json.readTree(text);
                    if (node instanceof ObjectNode object) {
                        specs = object;
                    } else {
                        problemas.add(new Problema(mapeo.cabeceraDe("especificaciones"), "must be a JSON object"));
                    }
                } catch (RuntimeException e) {
                    problemas.add(
                            new Problema(mapeo.cabeceraDe("especificaciones"), "is not valid JSON (a JSON object)"));
                }
            }
        }
        JsonNode properties = categoria == null || categoria.esquema() == null
                ? null
                : categoria.esquema().get("properties");
        for (Mapeo.Columna c : mapeo.columnas()) {
            if (c.campo() == null || !c.campo().startsWith(Mapeo.SPEC)) {
                continue;
            }
            String key = c.campo().substring(Mapeo.SPEC.length());
            String cell = row[c.indice()];
            if (cell == null) {
                specs.remove(key);
                continue;
            }
            JsonNode property = properties == null ? null : properties.get(key);
            String type = property == null || property.get("type") == null
                    ? null
                    : property.get("type").asString();
            try {
                specs.set(key, valorSpec(cell.strip(), type));
            } catch (IllegalArgumentException e) {
                problemas.add(new Problema(c.cabecera(), e.getMessage()));
            }
        }
        return specs;
    }

    private JsonNode valorSpec(String cell, String type) {
        if ("string".equals(type)) {
            return json.getNodeFactory().stringNode(cell);
        }
        if ("integer".equals(type) || "number".equals(type)) {
            BigDecimal number = Valores.importe(cell).orElseThrow();
            if ("integer".equals(type)) {
                try {
                    return json.getNodeFactory().numberNode(number.longValueExact());
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("must be a whole number");
                }
            }
            return json.getNodeFactory().numberNode(number.stripTrailingZeros());
        }
        if ("boolean".equals(type)) {
            String on = bitlocker(cell);
            if (on == null || on.equals("unknown")) {
                throw new IllegalArgumentException("must be yes or no");
            }
            return json.getNodeFactory().booleanNode(on.equals("enabled"));
        }
        if (type == null && cell.matches("-?[1-9]\\d{0,15}|0")) {
            return json.getNodeFactory().numberNode(Long.parseLong(cell));
        }
        // without a schema, what our own export writes for a number or a yes/no comes back as one
        // (canonical forms only: "007", "1e3" or "14,50" stay text)
        if (type == null && cell.matches("-?(0|[1-9]\\d{0,15})\\.\\d{0,15}[1-9]")) {
            return json.getNodeFactory().numberNode(new BigDecimal(cell));
        }
        if (type == null && (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false"))) {
            return json.getNodeFactory().booleanNode(cell.equalsIgnoreCase("true"));
        }
        return json.getNodeFactory().stringNode(cell);
    }

    /** Whether storing {@code request} would leave {@code activo} as it is. */
    static boolean igual(ActivoRequest request, Activo activo) {
        ActivoRequest a = ActivoService.comoRequest(activo);
        return Objects.equals(request.categoriaId(), a.categoriaId())
                && Objects.equals(Valores.texto(request.nombre()), Valores.texto(a.nombre()))
                && Objects.equals(Valores.texto(request.marca()), Valores.texto(a.marca()))
                && Objects.equals(Valores.texto(request.modelo()), Valores.texto(a.modelo()))
                && Objects.equals(Valores.texto(request.numeroSerie()), Valores.texto(a.numeroSerie()))
                && Objects.equals(request.estado() == null ? Activo.ACTIVO : request.estado(), a.estado())
                && Objects.equals(Valores.texto(request.area()), Valores.texto(a.area()))
                && Objects.equals(Valores.texto(request.ubicacion()), Valores.texto(a.ubicacion()))
                && Objects.equals(Valores.texto(request.proveedor()), Valores.texto(a.proveedor()))
                && Objects.equals(request.fechaCompra(), a.fechaCompra())
                && Objects.equals(request.garantiaHasta(), a.garantiaHasta())
                && (request.precio() == null
                        ? a.precio() == null
                        : a.precio() != null && request.precio().compareTo(a.precio()) == 0)
                && Objects.equals(request.moneda(), a.moneda())
                && Objects.equals(Valores.texto(request.responsable()), Valores.texto(a.responsable()))
                && Objects.equals(Valores.texto(request.notas()), Valores.texto(a.notas()))
                && Objects.equals(request.bitlocker() == null ? "unknown" : request.bitlocker(), a.bitlocker())
                && mismas(request.especificaciones(), a.especificaciones());
    }

    /** Equal JSON, numbers compared by value (16, 16.0 and 16L are one number). */
    static boolean mismas(JsonNode a, JsonNode b) {
        boolean emptyA = a == null || a.isNull() || a.isEmpty() && a.isObject();
        boolean emptyB = b == null || b.isNull() || b.isEmpty() && b.isObject();
        if (emptyA || emptyB) {
            return emptyA == emptyB;
        }
        return a.equals(
                (x, y) -> x.isNumber() && y.isNumber()
                        ? x.decimalValue().compareTo(y.decimalValue())
                        : x.equals(y) ? 0 : 1,
                b);
    }
}
