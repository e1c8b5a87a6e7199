package org.inventarioti.activos;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.DomainException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.errors.StaleVersionException;
import org.inventarioti.web.ErroresFormulario;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creating and editing an asset in the browser. The specification fields come from the chosen
 * category's JSON Schema (re-rendered by htmx when the category changes); every rule is the
 * service's, and its errors are shown next to their fields. An edit based on a version someone
 * else replaced meanwhile shows both versions side by side.
 */
@Controller
@RequestMapping("/activos")
class ActivoFormularioController {

    private final ActivoService activos;
    private final CategoriaService categorias;
    private final ErroresActivo errores;
    private final MessageSource messages;
    private final JsonMapper json;

    ActivoFormularioController(
            ActivoService activos,
            CategoriaService categorias,
            ErroresActivo errores,
            MessageSource messages,
            JsonMapper json) {
        this.activos = activos;
        this.categorias = categorias;
        this.errores = errores;
        this.messages = messages;
        this.json = json;
    }

    /**
     * The form as the person typed it: the asset's fields (named as the JSON) and the schema's
     * specification fields ({@code especificaciones.<key>}) bound into its map of especificaciones.
     */
    @ModelAttribute("form")
    FormularioActivo form(@RequestParam MultiValueMap<String, String> params) {
        return FormularioActivo.de(params);
    }

    @GetMapping("/nuevo")
    String nuevo(@RequestParam(name = "categoria_id", required = false) Long categoriaId, Model model) {
        return formulario(null, FormularioActivo.nuevo(categoriaId), null, model);
    }

    @PostMapping
    String crear(
            @ModelAttribute("form") FormularioActivo form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        FormularioActivo.Lectura lectura = form.leer(campos(form.categoriaId()), null);
        errores.malFormados(lectura.malFormados(), form, result);
        if (result.hasErrors()) {
            errores.tambien(activos.problemas(lectura.request(), Optional.empty()), form, result);
            response.setStatus(422);
            return formulario(null, form.sinSecretos(), result, model);
        }
        try {
            Activo creado = activos.crear(lectura.request());
            redirect.addFlashAttribute("aviso", "activos.creado");
            return "redirect:/activos/" + creado.codigo();
        } catch (InvalidException | ConflictException | MalformedException e) {
            return rechazado(e, null, form, result, model, response);
        }
    }

    @GetMapping("/{codigo}/editar")
    String editar(@PathVariable String codigo, Model model) {
        Activo activo = activos.porCodigo(codigo);
        FormularioActivo form = FormularioActivo.de(activo, campos(activo.categoriaId()));
        model.addAttribute(TextosFormulario.CAMPO, TextosFormulario.json(form, json));
        return formulario(activo, form, null, model);
    }

    @PostMapping("/{codigo}")
    String actualizar(
            @PathVariable String codigo,
            @ModelAttribute("form") FormularioActivo form,
            BindingResult result,
            @RequestParam(name = TextosFormulario.CAMPO, required = false) String original,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Activo activo = activos.porCodigo(codigo);
        Map<String, String> cargado = TextosFormulario.leer(original, json);
        if (cargado == null && activo.version() == java.util.Objects.requireNonNullElse(form.version(), -1)) {
            cargado = TextosFormulario.de(FormularioActivo.de(activo, campos(activo.categoriaId())));
        }
        model.addAttribute("cargado", cargado);
        if (cargado != null) {
            model.addAttribute(TextosFormulario.CAMPO, json.writeValueAsString(cargado));
        }
        FormularioActivo.Lectura lectura = form.leer(campos(form.categoriaId()), activo.especificaciones());
        errores.malFormados(lectura.malFormados(), form, result);
        if (result.hasErrors()) {
            errores.tambien(activos.problemas(lectura.request(), Optional.of(activo)), form, result);
            response.setStatus(422);
            return formulario(activo, form.sinSecretos(), result, model);
        }
        try {
            activos.reemplazar(activo.id(), lectura.request(), null);
            redirect.addFlashAttribute("aviso", "activos.guardado");
            return "redirect:/activos/" + activo.codigo();
        } catch (InvalidException | ConflictException | MalformedException e) {
            return rechazado(e, activo, form, result, model, response);
        }
    }

    /** The specification fields of a category, for htmx when the category changes; typed values are kept. */
    @GetMapping("/especificaciones")
    String especificaciones(@ModelAttribute("form") FormularioActivo form, Model model) {
        model.addAttribute("campos", campos(form.categoriaId()));
        model.addAttribute("errores", Map.of());
        return "activos/especificaciones :: especificaciones";
    }

    private String rechazado(
            DomainException e,
            Activo activo,
            FormularioActivo form,
            BindingResult result,
            Model model,
            HttpServletResponse response) {
        if (e instanceof StaleVersionException stale && stale.current() instanceof Activo otro && activo != null) {
            response.setStatus(409);
            model.addAttribute("conflicto", otro);
            @SuppressWarnings("unchecked")
            Map<String, String> cargado = (Map<String, String>) model.getAttribute("cargado");
            List<CamposEspecificacion.Campo> suyos = campos(otro.categoriaId());
            Comparacion comparacion = Comparacion.de(form.sinSecretos(), cargado, otro, suyos, this::nombreCategoria);
            model.addAttribute("comparacion", comparacion);
            // What the person now works on is the version saved meanwhile.
            model.addAttribute(TextosFormulario.CAMPO, TextosFormulario.json(FormularioActivo.de(otro, suyos), json));
            return formulario(activo, comparacion.combinado(), result, model);
        }
        response.setStatus(e instanceof ConflictException ? 409 : 422);
        errores.de(e, form, result);
        return formulario(activo, form.sinSecretos(), result, model);
    }

    private String formulario(Activo activo, FormularioActivo form, BindingResult result, Model model) {
        model.addAttribute("activo", activo);
        model.addAttribute("form", form);
        model.addAttribute(
                "errores",
                result == null
                        ? Map.of()
                        : ErroresFormulario.porCampo(result, messages, LocaleContextHolder.getLocale()));
        model.addAttribute(
                "categorias",
                categorias
                        .listar(Map.of("size", List.of("200"), "sort", List.of("nombre")))
                        .items());
        model.addAttribute("campos", campos(form.categoriaId()));
        model.addAttribute("estados", Activo.ESTADOS);
        model.addAttribute("estadosBitlocker", Activo.BITLOCKER);
        return "activos/form";
    }

    private String nombreCategoria(String id) {
        return id.matches("\\d{1,18}")
                ? categorias
                        .encontrar(Long.parseLong(id))
                        .map(Categoria::nombre)
                        .orElse(id)
                : id;
    }

    private List<CamposEspecificacion.Campo> campos(Long categoriaId) {
        if (categoriaId == null) {
            return List.of();
        }
        Optional<Categoria> categoria = categorias.encontrar(categoriaId);
        return categoria.map(c -> CamposEspecificacion.de(c.esquema())).orElse(List.of());
    }
}
