package org.inventarioti.activos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.categorias.ClavesEspecificacion;
import org.inventarioti.secretos.DetectorSecretos;
import org.inventarioti.web.ValoresLocales;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The asset form as the person typed it: every field as text (named like the JSON, so server
 * errors land on the right input), the schema's specification fields ({@code especificaciones.<key>})
 * and free key/value rows for keys the schema does not name. It becomes an {@link ActivoRequest}
 * only where the text has the right shape; the service judges everything else.
 */
final class FormularioActivo {

    static final List<String> CAMPOS = List.of(
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
            "version");
    static final String PREFIJO = "especificaciones.";
    /** Empty rows offered for keys the schema does not name. */
    static final int FILAS_LIBRES = 2;

    /** A free especificaciones row. */
    record Par(String clave, String valor) {}

    private final Map<String, String> valores;
    private final Map<String, String> especificaciones;
    private final List<Par> extras;

    private FormularioActivo(Map<String, String> valores, Map<String, String> especificaciones, List<Par> extras) {
        this.valores = valores;
        this.especificaciones = especificaciones;
        this.extras = extras;
    }

    static FormularioActivo nuevo(Long categoriaId) {
        Map<String, String> valores = new LinkedHashMap<>();
        valores.put("categoria_id", categoriaId == null ? "" : categoriaId.toString());
        valores.put("estado", Activo.ACTIVO);
        valores.put("bitlocker", "unknown");
        return new FormularioActivo(valores, new LinkedHashMap<>(), new ArrayList<>());
    }

    static FormularioActivo de(MultiValueMap<String, String> params) {
        Map<String, String> valores = new LinkedHashMap<>();
        for (String campo : CAMPOS) {
            String v = params.getFirst(campo);
            valores.put(campo, v == null ? "" : v);
        }
        Map<String, String> especificaciones = new LinkedHashMap<>();
        params.forEach((nombre, lista) -> {
            if (nombre.startsWith(PREFIJO) && !lista.isEmpty()) {
                especificaciones.put(nombre.substring(PREFIJO.length()), lista.get(0));
            }
        });
        List<String> claves = params.getOrDefault("extra_clave", List.of());
        List<String> textos = params.getOrDefault("extra_valor", List.of());
        List<Par> extras = new ArrayList<>();
        for (int i = 0; i < claves.size(); i++) {
            String valor = i < textos.size() ? textos.get(i) : "";
            if (!claves.get(i).isBlank() || !valor.isBlank()) {
                extras.add(new Par(claves.get(i), valor));
            }
        }
        return new FormularioActivo(valores, especificaciones, extras);
    }

    /** The stored asset, its specs split between the schema's fields and free rows. */
    static FormularioActivo de(Activo a, List<CamposEspecificacion.Campo> campos) {
        Map<String, String> valores = new LinkedHashMap<>();
        valores.put("categoria_id", String.valueOf(a.categoriaId()));
        valores.put("nombre", a.nombre());
        valores.put("marca", a.marca());
        valores.put("modelo", a.modelo());
        valores.put("numero_serie", a.numeroSerie());
        valores.put("estado", a.estado());
        valores.put("area", a.area());
        valores.put("ubicacion", a.ubicacion());
        valores.put("proveedor", a.proveedor());
        valores.put(
                "fecha_compra", a.fechaCompra() == null ? "" : a.fechaCompra().toString());
        valores.put(
                "garantia_hasta",
                a.garantiaHasta() == null ? "" : a.garantiaHasta().toString());
        valores.put("precio", ValoresLocales.numero(a.precio(), LocaleContextHolder.getLocale()));
        valores.put("moneda", a.moneda());
        valores.put("responsable", a.responsable());
        valores.put("notas", a.notas());
        valores.put("bitlocker", a.bitlocker());
        valores.put("version", String.valueOf(a.version()));
        valores.replaceAll((k, v) -> v == null ? "" : v);
        Map<String, String> especificaciones = new LinkedHashMap<>();
        List<Par> extras = new ArrayList<>();
        List<String> delEsquema =
                campos.stream().map(CamposEspecificacion.Campo::clave).toList();
        if (a.especificaciones() != null) {
            for (Map.Entry<String, JsonNode> e : a.especificaciones().properties()) {
                String texto = CamposEspecificacion.texto(e.getValue());
                if (delEsquema.contains(e.getKey()) && e.getValue().isValueNode()) {
                    especificaciones.put(e.getKey(), texto);
                } else {
                    extras.add(new Par(e.getKey(), texto));
                }
            }
        }
        return new FormularioActivo(valores, especificaciones, extras);
    }

    public String valor(String campo) {
        return valores.getOrDefault(campo, "");
    }

    public String especificacion(String clave) {
        return especificaciones.getOrDefault(clave, "");
    }

    Map<String, String> especificaciones() {
        return especificaciones;
    }

    /** The text typed for a field as the service names it ({@code notas}, {@code especificaciones.ram}). */
    String enviado(String campo) {
        if (!campo.startsWith(PREFIJO)) {
            return valores.get(campo);
        }
        String clave = campo.substring(PREFIJO.length());
        if (especificaciones.containsKey(clave)) {
            return especificaciones.get(clave);
        }
        return extras.stream()
                .filter(p -> ClavesEspecificacion.normalizar(p.clave()).equals(clave))
                .map(Par::valor)
                .findFirst()
                .orElse(null);
    }

    /** The free rows, plus empty ones to add keys. */
    public List<Par> filasLibres() {
        List<Par> filas = new ArrayList<>(extras);
        for (int i = 0; i < FILAS_LIBRES; i++) {
            filas.add(new Par("", ""));
        }
        return filas;
    }

    List<Par> extras() {
        return extras;
    }

    public Long categoriaId() {
        String v = valor("categoria_id").strip();
        return v.matches("\\d{1,18}") ? Long.valueOf(v) : null;
    }

    Integer version() {
        String v = valor("version").strip();
        return v.matches("\\d{1,9}") ? Integer.valueOf(v) : null;
    }

    /** The same form based on another version (the conflict screen keeps the person's values). */
    FormularioActivo conVersion(int version) {
        Map<String, String> copia = new LinkedHashMap<>(valores);
        copia.put("version", String.valueOf(version));
        return new FormularioActivo(copia, especificaciones, extras);
    }

    /**
     * Removes every value the service refused as a secret (a key naming one, or a value that looks
     * like a recovery or private key), so that the page never echoes it back.
     */
    FormularioActivo sinSecretos() {
        Map<String, String> copia = new LinkedHashMap<>(valores);
        if (ReglasEspecificaciones.pareceSecreto(copia.get("notas"))) {
            copia.put("notas", "");
        }
        Map<String, String> specs = new LinkedHashMap<>(especificaciones);
        specs.replaceAll((k, v) -> ReglasEspecificaciones.pareceSecreto(v) ? "" : v);
        List<Par> libres = extras.stream()
                .map(p -> DetectorSecretos.claveSensible(p.clave()) || ReglasEspecificaciones.pareceSecreto(p.valor())
                        ? new Par(p.clave(), "")
                        : p)
                .toList();
        return new FormularioActivo(copia, specs, new ArrayList<>(libres));
    }

    /** The request, or the fields whose text has the wrong shape (message code typeMismatch). */
    record Lectura(ActivoRequest request, List<String> malFormados) {}

    Lectura leer(List<CamposEspecificacion.Campo> campos, JsonNode anteriores) {
        List<String> mal = new ArrayList<>();
        ObjectNode specs = JsonNodeFactory.instance.objectNode();
        for (CamposEspecificacion.Campo campo : campos) {
            campo.valor(especificacion(campo.clave())).ifPresent(v -> specs.set(campo.clave(), v));
        }
        for (Par par : extras) {
            if (par.clave().isBlank()) {
                continue;
            }
            JsonNode antes = anteriores == null ? null : anteriores.get(par.clave());
            if (specs.has(par.clave())) {
                mal.add(PREFIJO + par.clave());
            } else if (antes != null && CamposEspecificacion.texto(antes).equals(par.valor())) {
                specs.set(par.clave(), antes);
            } else if (!par.valor().isBlank()) {
                specs.put(par.clave(), par.valor().strip());
            }
        }
        ActivoRequest request = new ActivoRequest(
                categoriaId(),
                valor("nombre"),
                valor("marca"),
                valor("modelo"),
                valor("numero_serie"),
                blanco(valor("estado")),
                valor("area"),
                valor("ubicacion"),
                valor("proveedor"),
                fecha("fecha_compra", mal),
                fecha("garantia_hasta", mal),
                precio(mal),
                Optional.ofNullable(blanco(valor("moneda")))
                        .map(m -> m.strip().toUpperCase(java.util.Locale.ROOT))
                        .orElse(null),
                valor("responsable"),
                valor("notas"),
                blanco(valor("bitlocker")),
                specs,
                version());
        if (!valor("categoria_id").isBlank() && categoriaId() == null) {
            mal.add("categoria_id");
        }
        return new Lectura(request, mal);
    }

    /** A date as the page's language writes it (or ISO, as date inputs send it). */
    private LocalDate fecha(String campo, List<String> mal) {
        String v = valor(campo).strip();
        if (v.isEmpty()) {
            return null;
        }
        Optional<LocalDate> fecha = ValoresLocales.fecha(v, LocaleContextHolder.getLocale());
        if (fecha.isEmpty()) {
            mal.add(campo);
        }
        return fecha.orElse(null);
    }

    /** A number as the page's language writes it ({@code 1.285,50} in Spanish). */
    private BigDecimal precio(List<String> mal) {
        String v = valor("precio").strip();
        if (v.isEmpty()) {
            return null;
        }
        Optional<BigDecimal> precio = ValoresLocales.numero(v, LocaleContextHolder.getLocale());
        if (precio.isEmpty()) {
            mal.add("precio");
        }
        return precio.orElse(null);
    }

    private static String blanco(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
