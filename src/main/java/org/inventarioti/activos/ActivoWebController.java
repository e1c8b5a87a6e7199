package org.inventarioti.activos;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Versions;
import org.inventarioti.listing.ListPage;
import org.inventarioti.usuarios.UsuarioService;
import org.inventarioti.web.Vistas;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The asset pages of the browser UI: the list (the API's filters, free text as you type, spec
 * filters, sort, page numbers and keyset "next"/"previous", remembered columns), the asset's page
 * (the URL its QR label carries) and deletion. A thin adapter over {@link ActivoService}.
 */
@Controller
@RequestMapping("/activos")
class ActivoWebController {

    static final int HISTORIAL = 20;

    /** The page sizes the list offers (the default, 50, among them). */
    static final List<Integer> TAMANOS = List.of(25, 50, 100, 200);

    private final ActivoService activos;
    private final CategoriaService categorias;
    private final AuditoriaService auditoria;
    private final ObjectProvider<MantenimientosDeActivo> mantenimientos;
    private final BusquedasGuardadas busquedas;

    ActivoWebController(
            ActivoService activos,
            CategoriaService categorias,
            AuditoriaService auditoria,
            ObjectProvider<MantenimientosDeActivo> mantenimientos,
            BusquedasGuardadas busquedas) {
        this.busquedas = busquedas;
        this.activos = activos;
        this.categorias = categorias;
        this.auditoria = auditoria;
        this.mantenimientos = mantenimientos;
    }

    @GetMapping
    String lista(
            @RequestParam MultiValueMap<String, String> params,
            @CookieValue(name = ColumnasActivos.COOKIE, required = false) String cookie,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        ConsultaLista consulta = ConsultaLista.de(params);
        List<ColumnasActivos.Columna> columnas = ColumnasActivos.deCookie(cookie);
        if (params.containsKey("columnas")) {
            columnas = ColumnasActivos.elegidas(params.get("columnas"));
            ResponseCookie recordar = ResponseCookie.from(ColumnasActivos.COOKIE, ColumnasActivos.aCookie(columnas))
                    .path("/activos")
                    .maxAge(Duration.ofDays(365))
                    .httpOnly(true)
                    .sameSite("Lax")
                    .build();
            response.addHeader(HttpHeaders.SET_COOKIE, recordar.toString());
        }
        ListPage<Activo> pagina;
        try {
            pagina = activos.listar(consulta.paraServicio());
        } catch (MalformedException e) {
            if (!htmx.isHtmxRequest()) {
                response.setStatus(400); // htmx swaps only 2xx answers: it gets the explanation with a 200
            }
            // said in the page's language by the filter it names, never the service's English
            model.addAttribute("errorFiltro", true);
            model.addAttribute("errorParametro", e.parameter().orElse(null));
            pagina = new ListPage<>(List.of(), 0, 1, 0, null);
        }
        List<Categoria> lista = todasLasCategorias();
        model.addAttribute("pagina", pagina);
        model.addAttribute("consulta", consulta);
        model.addAttribute("columnas", columnas);
        model.addAttribute("todasLasColumnas", ColumnasActivos.TODAS);
        model.addAttribute(
                "columnasEspecificacion", ColumnasActivos.deEspecificacion(filtrada(consulta, lista), columnas));
        model.addAttribute("tamanos", TAMANOS);
        model.addAttribute(
                "busquedas",
                UsuarioService.idEnSesion().stream()
                        .boxed()
                        .flatMap(u -> busquedas.de(u).stream())
                        .toList());
        model.addAttribute("consultaGuardable", consulta.actual().substring("/activos".length()));
        model.addAttribute("categorias", lista);
        model.addAttribute("clavesEspecificacion", clavesDeEsquemas(lista));
        model.addAttribute("estados", Activo.ESTADOS);
        model.addAttribute("estadosBitlocker", Activo.BITLOCKER);
        model.addAttribute("ultimaPagina", ultimaPagina(pagina));
        model.addAttribute("puedeEditar", Permisos.puedeEditar());
        return Vistas.paginaOFragmento(htmx, "activos/lista", "resultados");
    }

    /** The page a QR label opens; a numeric id or a code typed in lower case leads to the asset too. */
    @GetMapping("/{codigo}")
    String detalle(@PathVariable String codigo, Model model) {
        Optional<Activo> encontrado = porCodigo(codigo);
        if (encontrado.isEmpty()) {
            String mayusculas = codigo.strip().toUpperCase(java.util.Locale.ROOT);
            if (!mayusculas.equals(codigo) && porCodigo(mayusculas).isPresent()) {
                return "redirect:/activos/" + mayusculas;
            }
            if (codigo.matches("\\d{1,18}") && activos.existe(Long.parseLong(codigo))) {
                return "redirect:/activos/"
                        + activos.buscar(Long.parseLong(codigo)).codigo();
            }
            throw new NotFoundException("Activo", codigo);
        }
        Activo activo = encontrado.get();
        Categoria categoria = categorias.buscar(activo.categoriaId());
        model.addAttribute("activo", activo);
        model.addAttribute(
                "especificaciones",
                DetalleActivo.especificaciones(
                        CamposEspecificacion.de(categoria.esquema()), activo.especificaciones()));
        MantenimientosDeActivo historial = mantenimientos.getIfAvailable();
        model.addAttribute("mantenimientos", historial == null ? null : historial.deActivo(activo.id(), HISTORIAL));
        ListPage<AuditoriaService.Cambio> cambios = auditoria.historial(
                ActivoService.ENTIDAD, activo.id(), Map.of("size", List.of(String.valueOf(HISTORIAL))));
        model.addAttribute("cambios", DetalleActivo.historial(cambios.items()));
        model.addAttribute("totalCambios", cambios.total());
        model.addAttribute("puedeEditar", Permisos.puedeEditar());
        model.addAttribute("puedeBorrar", Permisos.puedeBorrar());
        return "activos/detalle";
    }

    @GetMapping("/{codigo}/eliminar")
    String confirmarEliminar(@PathVariable String codigo, Model model) {
        Activo activo = activos.porCodigo(codigo);
        MantenimientosDeActivo historial = mantenimientos.getIfAvailable();
        model.addAttribute("activo", activo);
        model.addAttribute(
                "totalMantenimientos",
                historial == null ? 0 : historial.deActivo(activo.id(), 1).total());
        return "activos/eliminar";
    }

    /** Deletes the version the person confirmed; if someone changed it since, they confirm again. */
    @PostMapping("/{codigo}/eliminar")
    String eliminar(
            @PathVariable String codigo,
            @RequestParam(defaultValue = "") String version,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Activo activo = activos.porCodigo(codigo);
        try {
            activos.eliminar(
                    activo.id(), version.matches("\\d{1,9}") ? Versions.etag(Integer.parseInt(version)) : null);
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("cambiado", true);
            return confirmarEliminar(codigo, model);
        }
        redirect.addFlashAttribute("aviso", "activos.eliminado");
        redirect.addFlashAttribute("avisoCodigo", activo.codigo());
        return "redirect:/activos";
    }

    private Optional<Activo> porCodigo(String codigo) {
        try {
            return Optional.of(activos.porCodigo(codigo));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    List<Categoria> todasLasCategorias() {
        return categorias
                .listar(Map.of("size", List.of("200"), "sort", List.of("nombre")))
                .items();
    }

    /** The one category the list is filtered by, if it is filtered by exactly one. */
    private static Categoria filtrada(ConsultaLista consulta, List<Categoria> lista) {
        List<String> elegidas = consulta.todos("categoria_id");
        return elegidas.size() != 1
                ? null
                : lista.stream()
                        .filter(c -> String.valueOf(c.id()).equals(elegidas.get(0)))
                        .findFirst()
                        .orElse(null);
    }

    private static TreeSet<String> clavesDeEsquemas(List<Categoria> lista) {
        TreeSet<String> claves = new TreeSet<>();
        lista.forEach(c -> CamposEspecificacion.de(c.esquema()).forEach(campo -> claves.add(campo.clave())));
        return claves;
    }

    private static long ultimaPagina(ListPage<Activo> pagina) {
        return pagina.size() == 0 ? 1 : Math.max(1, (pagina.total() + pagina.size() - 1) / pagina.size());
    }
}
