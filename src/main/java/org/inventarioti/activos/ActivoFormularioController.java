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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    private final ErroresFormulario errores;

    ActivoFormularioController(ActivoService activos, CategoriaService categorias, ErroresFormulario errores) {
        this.activos = activos;
        this.categorias = categorias;
        this.errores = errores;
    }

    @GetMapping("/nuevo")
    String nuevo(@RequestParam(name = "categoria_id", required = false) Long categoriaId, Model model) {
        return formulario(null, FormularioActivo.nuevo(categoriaId), Map.of(), model);
    }

    @PostMapping
    String crear(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        FormularioActivo form = FormularioActivo.de(params);
        List<CamposEspecificacion.Campo> campos = campos(form.categoriaId());
        FormularioActivo.Lectura lectura = form.leer(campos, null);
        if (!lectura.malFormados().isEmpty()) {
            response.setStatus(422);
            return formulario(null, form.sinSecretos(), errores.malFormados(lectura.malFormados(), form), model);
        }
        try {
            Activo creado = activos.crear(lectura.request());
            redirect.addFlashAttribute("aviso", "activos.creado");
            return "redirect:/activos/" + creado.codigo();
        } catch (InvalidException | ConflictException | MalformedException e) {
            return rechazado(e, null, form, model, response);
        }
    }

    @GetMapping("/{codigo}/editar")
    String editar(@PathVariable String codigo, Model model) {
        Activo activo = activos.porCodigo(codigo);
        FormularioActivo form = FormularioActivo.de(activo, campos(activo.categoriaId()));
        return formulario(activo, form, Map.of(), model);
    }

    @PostMapping("/{codigo}")
    String actualizar(
            @PathVariable String codigo,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Activo activo = activos.porCodigo(codigo);
        FormularioActivo form = FormularioActivo.de(params);
        FormularioActivo.Lectura lectura = form.leer(campos(form.categoriaId()), activo.especificaciones());
        if (!lectura.malFormados().isEmpty()) {
            response.setStatus(422);
            return formulario(activo, form.sinSecretos(), errores.malFormados(lectura.malFormados(), form), model);
        }
        try {
            activos.reemplazar(activo.id(), lectura.request(), null);
            redirect.addFlashAttribute("aviso", "activos.guardado");
            return "redirect:/activos/" + activo.codigo();
        } catch (InvalidException | ConflictException | MalformedException e) {
            return rechazado(e, activo, form, model, response);
        }
    }

    /** The specification fields of a category, for htmx when the category changes; typed values are kept. */
    @GetMapping("/especificaciones")
    String especificaciones(@RequestParam MultiValueMap<String, String> params, Model model) {
        FormularioActivo form = FormularioActivo.de(params);
        model.addAttribute("form", form);
        model.addAttribute("campos", campos(form.categoriaId()));
        model.addAttribute("errores", Map.of());
        return "activos/especificaciones :: especificaciones";
    }

    private String rechazado(
            DomainException e, Activo activo, FormularioActivo form, Model model, HttpServletResponse response) {
        if (e instanceof StaleVersionException stale && stale.current() instanceof Activo otro && activo != null) {
            response.setStatus(409);
            model.addAttribute("conflicto", otro);
            FormularioActivo mio = form.sinSecretos();
            model.addAttribute(
                    "comparacion", Comparacion.de(mio, otro, campos(otro.categoriaId()), this::nombreCategoria));
            return formulario(activo, mio.conVersion(otro.version()), Map.of(), model);
        }
        response.setStatus(e instanceof ConflictException ? 409 : 422);
        return formulario(activo, form.sinSecretos(), errores.de(e, form), model);
    }

    private String formulario(Activo activo, FormularioActivo form, Map<String, List<String>> errores, Model model) {
        model.addAttribute("activo", activo);
        model.addAttribute("form", form);
        model.addAttribute("errores", errores);
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
