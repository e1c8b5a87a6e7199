package org.inventarioti.etiquetas;

import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.reportes.FiltroReporte;
import org.inventarioti.reportes.ReporteService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * QR labels. A label's code holds only the asset's URL ({@code <base>/activos/<codigo>}): no token
 * and nothing secret, so a lost label reveals nothing and scanning it still requires signing in.
 */
@Service
public class EtiquetaService {

    /** At most this many labels in one PDF (42 A4 sheets), so one request cannot tie the server up. */
    static final int MAXIMO = 1000;

    private final ActivoService activos;
    private final CategoriaService categorias;
    private final ReporteService reportes;

    EtiquetaService(ActivoService activos, CategoriaService categorias, ReporteService reportes) {
        this.activos = activos;
        this.categorias = categorias;
        this.reportes = reportes;
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
        return activos.porCodigos(codigos).stream()
                .map(a -> new Etiqueta(a.codigo(), a.nombre(), a.numeroSerie(), url(base, a.codigo())))
                .toList();
    }

    /** The first {@link #MAXIMO} assets matching the report filters, by codigo. */
    @Transactional(readOnly = true)
    List<Etiqueta> porFiltro(String base, FiltroReporte filtro) {
        return reportes.activos(filtro, MAXIMO).stream()
                .map(a -> new Etiqueta(a.codigo(), a.nombre(), a.numeroSerie(), url(base, a.codigo())))
                .toList();
    }

    List<Categoria> categorias() {
        return categorias.todas();
    }

    boolean existe(String codigo) {
        return activos.existe(codigo);
    }

    void pdf(List<Etiqueta> etiquetas, FormatoEtiqueta formato, String prefijoSerie, OutputStream out) {
        HojaEtiquetas.escribir(etiquetas, formato, prefijoSerie, out);
    }
}
