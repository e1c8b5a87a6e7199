package org.inventarioti.etiquetas;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.listing.ListPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * QR labels. A label's code holds only the asset's URL ({@code <base>/activos/<codigo>}): no token
 * and nothing secret, so a lost label reveals nothing and scanning it still requires signing in.
 */
@Service
public class EtiquetaService {

    /** At most this many labels in one PDF (42 A4 sheets), so one request cannot tie the server up. */
    static final int MAXIMO = 1000;

    /** Assets read per query while gathering a part (the list's largest page; divides MAXIMO). */
    private static final int POR_CONSULTA = 200;

    private final ActivoService activos;
    private final CategoriaService categorias;

    EtiquetaService(ActivoService activos, CategoriaService categorias) {
        this.activos = activos;
        this.categorias = categorias;
    }

    /** The URL an asset's QR code carries. */
    public static String url(String base, String codigo) {
        return UriComponentsBuilder.fromUriString(base)
                .pathSegment("activos", codigo)
                .encode()
                .build()
                .toUriString();
    }

    public String qrSvg(String base, String codigo) {
        return CodigoQr.de(url(base, codigo)).svg();
    }

    @Transactional(readOnly = true)
    List<Etiqueta> porCodigos(String base, Collection<String> codigos) {
        if (codigos.isEmpty()) {
            throw new MalformedException("Choose at least one asset", "codigo");
        }
        if (codigos.size() > MAXIMO) {
            throw new MalformedException("At most " + MAXIMO + " labels at a time", "codigo");
        }
        return activos.porCodigos(codigos).stream().map(a -> etiqueta(base, a)).toList();
    }

    /**
     * The labels of one part (1-based, {@link #MAXIMO} assets each, by codigo) of the assets the
     * asset list's {@code filtros} match, with how many match in all: a filter matching more than
     * one PDF holds is printed in parts, never cut short silently.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Seleccion porFiltro(String base, Map<String, List<String>> filtros, int parte) {
        int paginas = MAXIMO / POR_CONSULTA;
        List<Etiqueta> etiquetas = new ArrayList<>();
        long total = 0;
        for (int i = 1; i <= paginas; i++) {
            Map<String, List<String>> query = new LinkedHashMap<>(filtros);
            query.put("sort", List.of("codigo"));
            query.put("size", List.of(String.valueOf(POR_CONSULTA)));
            query.put("page", List.of(String.valueOf((parte - 1) * paginas + i)));
            ListPage<Activo> pagina = activos.listar(query);
            total = pagina.total();
            pagina.items().forEach(a -> etiquetas.add(etiqueta(base, a)));
            if (pagina.items().size() < POR_CONSULTA) {
                break;
            }
        }
        return new Seleccion(etiquetas, total);
    }

    /** How many assets the filters match, for the page to say so before a PDF is made. */
    @Transactional(readOnly = true)
    long cuantos(Map<String, List<String>> filtros) {
        Map<String, List<String>> query = new LinkedHashMap<>(filtros);
        query.put("size", List.of("1"));
        return activos.listar(query).total();
    }

    /** The labels of one part and how many assets the filters match in all. */
    record Seleccion(List<Etiqueta> etiquetas, long total) {

        /** How many PDFs of at most {@link #MAXIMO} labels the whole selection takes. */
        long partes() {
            return Math.max(1, (total + MAXIMO - 1) / MAXIMO);
        }
    }

    /** The spec keys the categories' schemas name, for the spec filter rows. */
    SortedSet<String> clavesEspecificacion() {
        SortedSet<String> claves = new TreeSet<>();
        for (Categoria c : categorias.todas()) {
            JsonNode propiedades = c.esquema() == null ? null : c.esquema().get("properties");
            if (propiedades != null && propiedades.isObject()) {
                propiedades.propertyNames().forEach(claves::add);
            }
        }
        return claves;
    }

    private static Etiqueta etiqueta(String base, Activo a) {
        return new Etiqueta(a.codigo(), a.nombre(), a.numeroSerie(), url(base, a.codigo()));
    }

    List<Categoria> categorias() {
        return categorias.todas();
    }

    boolean existe(String codigo) {
        return activos.existe(codigo);
    }

    /** The code of the one asset with this serial number (case and surrounding spaces ignored). */
    @Transactional(readOnly = true)
    java.util.Optional<String> codigoDeSerie(String serie) {
        List<Activo> encontrados = activos.porNumerosSerie(List.of(serie));
        return encontrados.size() == 1
                ? java.util.Optional.of(encontrados.get(0).codigo())
                : java.util.Optional.empty();
    }

    void pdf(List<Etiqueta> etiquetas, FormatoEtiqueta formato, String prefijoSerie, OutputStream out) {
        HojaEtiquetas.escribir(etiquetas, formato, prefijoSerie, out);
    }
}
