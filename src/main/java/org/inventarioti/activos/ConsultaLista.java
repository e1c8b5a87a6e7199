package org.inventarioti.activos;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.inventarioti.listing.ListParams;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the asset list page was asked for, split into the service's query (the API's filters,
 * {@code spec.<key>}, sort, page or keyset cursor, size) and the page's own state: the cursors of
 * the pages before ({@code atras}, so "previous" stays a keyset step), the shown page number
 * ({@code n}), and the form's spec filter rows ({@code spec_clave} / {@code spec_valor}). It also
 * writes the links of the page, which always carry the filters in their API form.
 */
final class ConsultaLista {

    /** Keyset cursors kept for "previous"; further back, "previous" goes by page number. */
    static final int MAX_ATRAS = 10;

    /** The page's own parameters, never passed to the service. */
    static final Set<String> PROPIOS =
            Set.of("sort", "page", "after", "size", "atras", "n", "lang", "columnas", "spec_clave", "spec_valor");

    private final MultiValueMap<String, String> filtros;
    private final String sort;
    private final Integer page;
    private final String after;
    private final String size;
    private final List<String> atras;
    private final int numero;

    private ConsultaLista(
            MultiValueMap<String, String> filtros,
            String sort,
            Integer page,
            String after,
            String size,
            List<String> atras,
            int numero) {
        this.filtros = filtros;
        this.sort = sort;
        this.page = page;
        this.after = after;
        this.size = size;
        this.atras = atras;
        this.numero = numero;
    }

    /** Filters the list does not know are kept for the service to refuse, naming them, as the API does. */
    static ConsultaLista de(MultiValueMap<String, String> params) {
        MultiValueMap<String, String> filtros = new LinkedMultiValueMap<>();
        params.forEach((nombre, valores) -> {
            if (!PROPIOS.contains(nombre)) {
                valores.stream().filter(v -> !v.isBlank()).forEach(v -> filtros.add(nombre, v.strip()));
            }
        });
        List<String> claves = params.getOrDefault("spec_clave", List.of());
        List<String> valores = params.getOrDefault("spec_valor", List.of());
        for (int i = 0; i < claves.size(); i++) {
            String clave = claves.get(i).strip();
            String valor = i < valores.size() ? valores.get(i).strip() : "";
            if (!clave.isEmpty() && !valor.isEmpty()) {
                filtros.add(ListParams.SPEC_PREFIX + clave, valor);
            }
        }
        String sort = primero(params, "sort").orElse(null);
        String after = primero(params, "after").orElse(null);
        Integer page = after != null
                ? null
                : primero(params, "page").map(ConsultaLista::entero).orElse(null);
        List<String> atras = primero(params, "atras").map(a -> List.of(a.split("\\."))).orElse(List.of()).stream()
                .filter(a -> !a.isBlank())
                .toList();
        int numero = page != null
                ? page
                : primero(params, "n").map(ConsultaLista::entero).orElse(1);
        return new ConsultaLista(
                filtros, sort, page, after, primero(params, "size").orElse(null), atras, Math.max(1, numero));
    }

    Map<String, List<String>> paraServicio() {
        Map<String, List<String>> query = new LinkedHashMap<>(filtros);
        put(query, "sort", sort);
        put(query, "size", size);
        if (after != null) {
            query.put("after", List.of(after));
        } else if (page != null) {
            query.put("page", List.of(String.valueOf(page)));
        }
        return query;
    }

    MultiValueMap<String, String> filtros() {
        return filtros;
    }

    public String filtro(String nombre) {
        return filtros.getFirst(nombre);
    }

    public List<String> todos(String nombre) {
        return filtros.getOrDefault(nombre, List.of());
    }

    /** The spec filters as form rows (key, value), plus one empty row to add another. */
    public List<Map.Entry<String, String>> especificaciones() {
        List<Map.Entry<String, String>> filas = new ArrayList<>();
        filtros.forEach((nombre, valores) -> {
            if (nombre.startsWith(ListParams.SPEC_PREFIX)) {
                valores.forEach(v -> filas.add(Map.entry(nombre.substring(ListParams.SPEC_PREFIX.length()), v)));
            }
        });
        filas.add(Map.entry("", ""));
        return filas;
    }

    public String sort() {
        return sort;
    }

    public int numero() {
        return numero;
    }

    public boolean hayAnterior() {
        return numero > 1;
    }

    /** The link that sorts by {@code orden}: ascending first, then the other way round. */
    public String ordenarPor(String orden) {
        boolean asc = (orden + ",asc").equals(sort) || orden.equals(sort);
        return url(Map.of("sort", orden + (asc ? ",desc" : ",asc")));
    }

    /** {@code ascending}, {@code descending} or {@code none}, for aria-sort. */
    public String ordenDe(String orden, String porDefecto) {
        String actual = sort == null ? porDefecto : sort;
        if (actual.equals(orden) || actual.equals(orden + ",asc")) {
            return "ascending";
        }
        return actual.equals(orden + ",desc") ? "descending" : "none";
    }

    public String pagina(long numeroPagina) {
        return numeroPagina <= 1 ? url(conOrden()) : url(conOrden("page", String.valueOf(numeroPagina)));
    }

    /** The page numbers to offer around the current one; 0 stands for a gap. */
    public List<Long> numeros(long ultima) {
        List<Long> numeros = new ArrayList<>();
        long desde = Math.max(1, numero - 2);
        long hasta = Math.min(ultima, numero + 2);
        if (desde > 1) {
            numeros.add(1L);
            if (desde > 2) {
                numeros.add(0L);
            }
        }
        for (long p = desde; p <= hasta; p++) {
            numeros.add(p);
        }
        if (hasta < ultima) {
            if (hasta < ultima - 1) {
                numeros.add(0L);
            }
            numeros.add(ultima);
        }
        return numeros;
    }

    public String siguiente(String nextAfter) {
        List<String> pila = new ArrayList<>(atras);
        if (after != null) {
            pila.add(after);
        }
        while (pila.size() > MAX_ATRAS) {
            pila.remove(0);
        }
        Map<String, String> extra = conOrden("after", nextAfter);
        extra.put("n", String.valueOf(numero + 1));
        if (!pila.isEmpty()) {
            extra.put("atras", String.join(".", pila));
        }
        return url(extra);
    }

    public String anterior() {
        if (numero <= 2) {
            return pagina(1);
        }
        if (after == null || atras.isEmpty()) {
            return pagina(numero - 1);
        }
        Map<String, String> extra = conOrden("after", atras.get(atras.size() - 1));
        extra.put("n", String.valueOf(numero - 1));
        if (atras.size() > 1) {
            extra.put("atras", String.join(".", atras.subList(0, atras.size() - 1)));
        }
        return url(extra);
    }

    /** The list with the same filters and sort and nothing else (first page). */
    public String actual() {
        return url(conOrden());
    }

    private Map<String, String> conOrden(String... pares) {
        Map<String, String> extra = new LinkedHashMap<>();
        if (sort != null) {
            extra.put("sort", sort);
        }
        if (size != null) {
            extra.put("size", size);
        }
        for (int i = 0; i + 1 < pares.length; i += 2) {
            extra.put(pares[i], pares[i + 1]);
        }
        return extra;
    }

    private String url(Map<String, String> extra) {
        StringBuilder url = new StringBuilder("/activos");
        filtros.forEach((nombre, valores) -> valores.forEach(v -> anadir(url, nombre, v)));
        extra.forEach((nombre, valor) -> anadir(url, nombre, valor));
        return url.toString();
    }

    private static void anadir(StringBuilder url, String nombre, String valor) {
        url.append(url.indexOf("?") < 0 ? '?' : '&')
                .append(URLEncoder.encode(nombre, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(valor, StandardCharsets.UTF_8));
    }

    private static void put(Map<String, List<String>> query, String nombre, String valor) {
        if (valor != null) {
            query.put(nombre, List.of(valor));
        }
    }

    private static Optional<String> primero(MultiValueMap<String, String> params, String nombre) {
        String valor = params.getFirst(nombre);
        return valor == null || valor.isBlank() ? Optional.empty() : Optional.of(valor.strip());
    }

    private static Integer entero(String texto) {
        try {
            if (!texto.matches("-?[0-9]{1,10}")) {
                throw new NumberFormatException("not a plain integer");
            }
            return Integer.valueOf(texto);
        } catch (NumberFormatException e) {
            throw ListParams.bad("page", "must be an integer");
        }
    }
}
