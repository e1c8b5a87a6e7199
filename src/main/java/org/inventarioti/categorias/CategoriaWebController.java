package org.inventarioti.categorias;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InUseException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.StaleVersionException;
import org.inventarioti.errors.VersionRequiredException;
import org.inventarioti.listing.ListParams;
import org.inventarioti.web.ErroresFormulario;
import org.inventarioti.web.Vistas;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The administrators' category pages over CategoriaService: names, JSON Schemas, the assets that
 * no longer conform after a schema change, and deletion (refused while assets use the category).
 */
@Controller
@RequestMapping("/categorias")
class CategoriaWebController {

    private final CategoriaService service;
    private final JsonMapper json;

    CategoriaWebController(CategoriaService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    @GetMapping
    String lista(@RequestParam(defaultValue = "") String q, HtmxRequest htmx, Model model) {
        var pagina = service.listar(Map.of("q", List.of(q), "size", List.of(Integer.toString(ListParams.MAX_SIZE))));
        model.addAttribute("pagina", pagina);
        model.addAttribute("q", q);
        return Vistas.paginaOFragmento(htmx, "categorias/lista", "tabla");
    }

    @GetMapping("/nueva")
    String nueva(Model model) {
        model.addAttribute("form", CategoriaForm.nueva());
        return formulario(null, model);
    }

    @PostMapping
    String crear(
            @Valid @ModelAttribute("form") CategoriaForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ObjectNode esquema = esquema(form, result);
        if (result.hasErrors()) {
            return formulario(null, model);
        }
        try {
            Categoria creada = service.crear(new CategoriaRequest(form.nombre(), form.descripcion(), esquema, null));
            redirect.addFlashAttribute("aviso", "categorias.aviso.creada");
            redirect.addFlashAttribute("avisoNombre", creada.nombre());
            return "redirect:/categorias";
        } catch (InvalidException | ConflictException e) {
            rechazar(e, result);
            return formulario(null, model);
        }
    }

    @GetMapping("/{id}")
    String editar(@PathVariable long id, Model model) {
        Categoria categoria = service.buscar(id);
        model.addAttribute(
                "form",
                new CategoriaForm(
                        categoria.nombre(), categoria.descripcion(), texto(categoria.esquema()), categoria.version()));
        return formulario(categoria, model);
    }

    /** Saves and shows which assets no longer follow the new schema (they are not changed). */
    @PostMapping("/{id}")
    String actualizar(
            @PathVariable long id,
            @Valid @ModelAttribute("form") CategoriaForm form,
            BindingResult result,
            Model model) {
        Categoria actual = service.buscar(id);
        ObjectNode esquema = esquema(form, result);
        if (form != null && form.version() == null) {
            result.reject("categorias.error.conflicto");
        }
        if (result.hasErrors()) {
            return formulario(actual, model);
        }
        try {
            var actualizacion = service.reemplazar(
                    id, new CategoriaRequest(form.nombre(), form.descripcion(), esquema, form.version()), null);
            model.addAttribute("categoria", actualizacion.categoria());
            model.addAttribute("noConformes", actualizacion.noConformes());
            model.addAttribute("guardada", true);
            return "categorias/no-conformes";
        } catch (InvalidException | ConflictException e) {
            if (!(e instanceof StaleVersionException)) {
                rechazar(e, result);
                return formulario(actual, model);
            }
            Categoria otra = service.buscar(id);
            result.reject("categorias.error.conflicto");
            model.addAttribute("conflicto", otra);
            model.addAttribute("conflictoEsquema", texto(otra.esquema()));
            return formulario(otra, model);
        }
    }

    @GetMapping("/{id}/no-conformes")
    String noConformes(@PathVariable long id, Model model) {
        model.addAttribute("categoria", service.buscar(id));
        model.addAttribute("noConformes", service.noConformes(id));
        return "categorias/no-conformes";
    }

    /** Refused while assets use the category: the list says why (409). */
    @PostMapping("/{id}/eliminar")
    String eliminar(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Categoria categoria = service.buscar(id);
        try {
            service.eliminar(id);
        } catch (InUseException e) {
            response.setStatus(409);
            model.addAttribute("avisoNombre", categoria.nombre());
            model.addAttribute("enUso", e.count());
            return lista("", null, model);
        }
        redirect.addFlashAttribute("aviso", "categorias.aviso.eliminada");
        redirect.addFlashAttribute("avisoNombre", categoria.nombre());
        return "redirect:/categorias";
    }

    private String formulario(Categoria categoria, Model model) {
        model.addAttribute("categoria", categoria);
        return "categorias/form";
    }

    /** The typed schema as JSON; empty means the service's default (any object). */
    private ObjectNode esquema(CategoriaForm form, BindingResult result) {
        if (form == null || form.esquema() == null || form.esquema().isBlank()) {
            return null;
        }
        JsonNode arbol;
        try {
            arbol = json.readTree(form.esquema());
        } catch (JacksonException e) {
            error(result, "esquema", "categorias.error.json", e.getOriginalMessage());
            return null;
        }
        if (!(arbol instanceof ObjectNode objeto)) {
            error(result, "esquema", "categorias.error.objeto", null);
            return null;
        }
        return objeto;
    }

    private static void rechazar(RuntimeException e, BindingResult result) {
        if (e instanceof ConflictException) {
            error(result, "nombre", "categorias.error.duplicado", null);
            return;
        }
        if (!(e instanceof InvalidException invalid) || e instanceof VersionRequiredException) {
            throw e;
        }
        ErroresFormulario.rechazar(
                invalid,
                result,
                fe -> new ErroresFormulario.Destino(
                        fe.field().startsWith("esquema")
                                ? "esquema"
                                : fe.field().equals("descripcion") ? "descripcion" : "nombre",
                        "categorias.error.servicio",
                        new Object[] {fe.field() + ": " + fe.message()},
                        fe.field() + ": " + fe.message()),
                "categorias.error.invalida");
    }

    private static void error(BindingResult result, String campo, String codigo, String detalle) {
        ErroresFormulario.anadir(result, new ErroresFormulario.Destino(campo, codigo, new Object[] {detalle}, detalle));
    }

    private String texto(JsonNode esquema) {
        return esquema == null ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(esquema);
    }
}
