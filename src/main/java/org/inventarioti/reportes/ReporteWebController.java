package org.inventarioti.reportes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.web.Vistas;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** Reports in the browser: by estado, categoría, área, or in detail, each exportable as XLSX or CSV. */
@Controller
@RequestMapping("/reportes")
class ReporteWebController {

    static final List<String> TIPOS = List.of("estado", "categoria", "area", "detalle");
    static final int FILAS_EN_PANTALLA = 100;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReporteService service;
    private final ReporteConsultas consultas;
    private final MessageSource messages;
    private final TextosReporte etiquetas;
    private final Clock clock;
    private final ExportacionDetalle detalle;

    ReporteWebController(
            ReporteService service,
            ReporteConsultas consultas,
            MessageSource messages,
            TextosReporte etiquetas,
            Clock clock,
            ExportacionDetalle detalle) {
        this.service = service;
        this.detalle = detalle;
        this.consultas = consultas;
        this.messages = messages;
        this.etiquetas = etiquetas;
        this.clock = clock;
    }

    @GetMapping
    String inicio(@RequestParam Map<String, String> query, HtmxRequest htmx, Model model) {
        return reporte("estado", query, htmx, model);
    }

    @GetMapping("/{tipo}")
    String reporte(@PathVariable String tipo, @RequestParam Map<String, String> query, HtmxRequest htmx, Model model) {
        checkTipo(tipo);
        FiltroReporte filtro = filtro(query);
        model.addAttribute("tipo", tipo);
        model.addAttribute("tipos", TIPOS);
        model.addAttribute("filtro", filtro);
        model.addAttribute("categorias", consultas.categorias());
        model.addAttribute("estados", new TreeSet<>(FiltroReporte.ESTADOS));
        model.addAttribute("consulta", consulta(filtro));
        if (tipo.equals("detalle")) {
            model.addAttribute("filas", service.detalle(filtro, FILAS_EN_PANTALLA));
            model.addAttribute("total", service.contarDetalle(filtro));
            model.addAttribute("limite", FILAS_EN_PANTALLA);
        } else {
            Resumen resumen = service.resumen(tipo, filtro);
            model.addAttribute("resumen", resumen);
            model.addAttribute("monedas", monedas(resumen));
        }
        return Vistas.paginaOFragmento(htmx, "reportes/reporte", "resultado");
    }

    @GetMapping("/{tipo}.xlsx")
    void xlsx(
            @PathVariable String tipo,
            @RequestParam Map<String, String> query,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        exportar(tipo, query, locale, response, "xlsx");
    }

    @GetMapping("/{tipo}.csv")
    void csv(
            @PathVariable String tipo,
            @RequestParam Map<String, String> query,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        exportar(tipo, query, locale, response, "csv");
    }

    private void exportar(
            String tipo, Map<String, String> query, Locale locale, HttpServletResponse response, String formato)
            throws IOException {
        checkTipo(tipo);
        FiltroReporte filtro = filtro(query);
        Resumen resumen = tipo.equals("detalle") ? null : service.resumen(tipo, filtro);
        String nombre = "inventario-" + tipo + "-" + LocalDate.now(clock) + "." + formato;
        response.setContentType(formato.equals("xlsx") ? XLSX : "text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(nombre).build().toString());
        OutputStream out = response.getOutputStream();
        String hoja = messages.getMessage("reportes.tipo." + tipo, null, locale);
        if (resumen == null) {
            detalle.escribir(filtro, formato.equals("xlsx"), hoja, locale, out);
            return;
        }
        String[] cabecera = cabeceraResumen(tipo, resumen, locale);
        try (Exportacion tabla =
                formato.equals("xlsx") ? Exportacion.xlsx(out, hoja, cabecera) : Exportacion.csv(out, cabecera)) {
            List<String> monedas = monedas(resumen);
            for (Resumen.Fila fila : resumen.filas()) {
                Object[] valores = filaResumen(fila, monedas);
                valores[0] = etiquetas.texto(tipo, fila.clave());
                tabla.fila(valores);
            }
        }
    }

    private String[] cabeceraResumen(String tipo, Resumen resumen, Locale locale) {
        List<String> cabecera = new ArrayList<>();
        cabecera.add(messages.getMessage("reportes.columna." + tipo, null, locale));
        cabecera.add(messages.getMessage("comun.cantidad", null, locale));
        for (String moneda : monedas(resumen)) {
            cabecera.add(messages.getMessage("comun.valor", null, locale) + (moneda.isEmpty() ? "" : " " + moneda));
        }
        return cabecera.toArray(String[]::new);
    }

    private static Object[] filaResumen(Resumen.Fila fila, List<String> monedas) {
        Object[] valores = new Object[2 + monedas.size()];
        valores[0] = fila.clave();
        valores[1] = fila.cantidad();
        for (Resumen.Importe importe : fila.valor()) {
            valores[2 + monedas.indexOf(importe.moneda())] = importe.valor();
        }
        return valores;
    }

    static List<String> monedas(Resumen resumen) {
        Set<String> monedas = new TreeSet<>();
        resumen.filas().forEach(f -> f.valor().forEach(i -> monedas.add(i.moneda())));
        return List.copyOf(monedas);
    }

    /** The report filters; {@code lang} (the language switch) may come along in the browser. */
    private static FiltroReporte filtro(Map<String, String> query) {
        Map<String, String> filtros = new java.util.HashMap<>(query);
        filtros.remove("lang");
        return ReporteApiController.filtro(filtros);
    }

    private static String consulta(FiltroReporte filtro) {
        UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
        filtro.parametros().forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }

    private static void checkTipo(String tipo) {
        if (!TIPOS.contains(tipo)) {
            throw new NotFoundException("Reporte", tipo);
        }
    }
}
