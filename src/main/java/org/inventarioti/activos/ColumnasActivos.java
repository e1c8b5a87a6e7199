package org.inventarioti.activos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.inventarioti.categorias.Categoria;

/**
 * The columns the asset list can show, which ones by default, and the cookie that remembers a
 * person's choice ({@code codigo-nombre-estado}; commas are not allowed in cookie values). The
 * code column is always shown: it links to the asset.
 */
final class ColumnasActivos {

    static final String COOKIE = "INVENTARIO_ACTIVOS_COLUMNAS";
    static final String SIEMPRE = "codigo";

    /** A column: its field, the sort key that orders it (null: not sortable), shown by default. */
    record Columna(String clave, String orden, boolean porDefecto) {}

    static final List<Columna> TODAS = List.of(
            new Columna("codigo", "codigo", true),
            new Columna("nombre", "nombre", true),
            new Columna("categoria", null, true),
            new Columna("marca", "marca", false),
            new Columna("modelo", "modelo", false),
            new Columna("numero_serie", "numero_serie", true),
            new Columna("estado", "estado", true),
            new Columna("area", "area", true),
            new Columna("ubicacion", "ubicacion", false),
            new Columna("proveedor", "proveedor", false),
            new Columna("responsable", "responsable", true),
            new Columna("bitlocker", "bitlocker", false),
            new Columna("fecha_compra", "fecha_compra", false),
            new Columna("garantia_hasta", "garantia_hasta", false),
            new Columna("precio", "precio", false),
            new Columna("updated_at", "updated_at", false));

    static final String PREFIJO = "spec.";
    private static final int MAX_ESPECIFICACIONES = 12;
    private static final Pattern ESPECIFICACION = Pattern.compile("spec\\.[a-z0-9_]{1,64}");

    private static final Set<String> CLAVES =
            TODAS.stream().map(Columna::clave).collect(Collectors.toUnmodifiableSet());

    private ColumnasActivos() {}

    static List<Columna> porDefecto() {
        return TODAS.stream().filter(Columna::porDefecto).toList();
    }

    /** The known columns among {@code claves}, in the list's order, the code column always first. */
    static List<Columna> elegidas(Collection<String> claves) {
        List<Columna> elegidas = new ArrayList<>();
        for (Columna c : TODAS) {
            if (c.clave().equals(SIEMPRE) || claves.contains(c.clave())) {
                elegidas.add(c);
            }
        }
        claves.stream()
                .filter(ColumnasActivos::esEspecificacion)
                .distinct()
                .limit(MAX_ESPECIFICACIONES)
                .forEach(clave -> elegidas.add(new Columna(clave, null, false)));
        return elegidas;
    }

    /** A spec column ({@code spec.<key>}, a normalised key), offered for the keys of the filtered category. */
    static boolean esEspecificacion(String clave) {
        return ESPECIFICACION.matcher(clave).matches();
    }

    /**
     * The spec columns the chooser offers, each with its label: the keys of the one category the
     * list is filtered by (none when it is not), then those already chosen.
     */
    static Map<String, String> deEspecificacion(Categoria filtrada, List<Columna> elegidas) {
        Map<String, String> ofrecidas = new LinkedHashMap<>();
        if (filtrada != null) {
            CamposEspecificacion.de(filtrada.esquema()).forEach(c -> ofrecidas.put(PREFIJO + c.clave(), c.etiqueta()));
        }
        elegidas.stream()
                .filter(c -> esEspecificacion(c.clave()))
                .forEach(c -> ofrecidas.putIfAbsent(c.clave(), c.clave().substring(PREFIJO.length())));
        return ofrecidas;
    }

    /** The choice a cookie remembers; the default columns when there is none or it names none we know. */
    static List<Columna> deCookie(String valor) {
        if (valor == null || valor.isBlank()) {
            return porDefecto();
        }
        List<String> claves = Arrays.stream(valor.split("-"))
                .filter(c -> CLAVES.contains(c) || esEspecificacion(c))
                .toList();
        return claves.isEmpty() ? porDefecto() : elegidas(claves);
    }

    static String aCookie(List<Columna> columnas) {
        return columnas.stream().map(Columna::clave).collect(Collectors.joining("-"));
    }
}
