package org.inventarioti.etiquetas;

import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.reportes.FiltroReporte;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    EtiquetaService(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private record Fila(String codigo, String nombre, String numeroSerie) {}

    @Transactional(readOnly = true)
    List<Etiqueta> porCodigos(String base, Collection<String> codigos) {
        if (codigos.isEmpty()) {
            throw new MalformedException("Choose at least one asset", "codigo");
        }
        if (codigos.size() > MAXIMO) {
            throw new MalformedException("At most " + MAXIMO + " labels at a time", "codigo");
        }
        return jdbc
                .sql("SELECT codigo, nombre, numero_serie FROM activos WHERE codigo IN (:codigos) ORDER BY codigo")
                .param("codigos", List.copyOf(codigos))
                .query(Fila.class)
                .list()
                .stream()
                .map(f -> new Etiqueta(f.codigo(), f.nombre(), f.numeroSerie(), url(base, f.codigo())))
                .toList();
    }

    /** The first {@link #MAXIMO} assets matching the report filters, by codigo. */
    @Transactional(readOnly = true)
    List<Etiqueta> porFiltro(String base, FiltroReporte filtro) {
        return jdbc
                .sql("SELECT a.codigo, a.nombre, a.numero_serie FROM activos a" + filtro.where()
                        + " ORDER BY a.codigo LIMIT " + MAXIMO)
                .params(filtro.whereParams())
                .query(Fila.class)
                .list()
                .stream()
                .map(f -> new Etiqueta(f.codigo(), f.nombre(), f.numeroSerie(), url(base, f.codigo())))
                .toList();
    }

    record Categoria(long id, String nombre) {}

    @Transactional(readOnly = true)
    List<Categoria> categorias() {
        return jdbc.sql("SELECT id, nombre FROM categorias ORDER BY lower(nombre)")
                .query(Categoria.class)
                .list();
    }

    @Transactional(readOnly = true)
    boolean existe(String codigo) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM activos WHERE codigo = ?)")
                .param(codigo)
                .query(Boolean.class)
                .single();
    }

    void pdf(List<Etiqueta> etiquetas, FormatoEtiqueta formato, String prefijoSerie, OutputStream out) {
        HojaEtiquetas.escribir(etiquetas, formato, prefijoSerie, out);
    }
}
