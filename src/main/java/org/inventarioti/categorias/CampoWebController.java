package org.inventarioti.categorias;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.StaleVersionException;
import org.inventarioti.web.ErroresFormulario;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The common schema change as a form (ADMIN): add a specification field. "Prever" says how many
 * assets would no longer follow the schema (and how many with the value for existing assets);
 * saving may give that value to every asset lacking it. The raw JSON Schema stays the advanced
 * view ({@link CategoriaWebController}).
 */
@Controller
@RequestMapping("/categorias/{id}/campo")
class CampoWebController {

    /** The form as typed; {@code valores}: the allowed values separated by commas (a box unticked sends no obligatorio). */
    record FormularioCampo(
            String clave,
            String tipo,
            String titulo,
            String unidad,
            Boolean obligatorio,
            String valores,
            String valorPorDefecto,
            Integer version) {

        CampoNuevo campo() {
            List<String> lista = valores == null ? List.of() : Arrays.asList(valores.split(","));
            return new CampoNuevo(
                    clave, tipo, titulo, unidad, Boolean.TRUE.equals(obligatorio), lista, valorPorDefecto);
        }
    }

    private final CategoriaService service;

    CampoWebController(CategoriaService service) {
        this.service = service;
    }

    @GetMapping
    String nuevo(@PathVariable long id, Model model) {
        Categoria categoria = service.buscar(id);
        model.addAttribute("form", new FormularioCampo("", "string", "", "", false, "", "", categoria.version()));
        return formulario(categoria, model);
    }

    @PostMapping
    String enviar(
            @PathVariable long id,
            @ModelAttribute("form") FormularioCampo form,
            BindingResult result,
            @RequestParam(defaultValue = "prever") String accion,
            Model model,
            HttpServletResponse response) {
        Categoria categoria = service.buscar(id);
        if (form == null || result.hasErrors()) {
            // a value that does not even bind (a version that is not a number): the form again, empty
            response.setStatus(422);
            model.addAttribute("form", new FormularioCampo("", "string", "", "", false, "", "", categoria.version()));
            model.addAttribute("errorEnvio", true);
            return formulario(categoria, model);
        }
        try {
            if (accion.equals("prever") || form.version() == null) {
                model.addAttribute("prevision", service.preverCampo(id, form.campo()));
                return formulario(categoria, model);
            }
            var hecha = service.anadirCampo(id, form.version(), form.campo(), accion.equals("rellenar"));
            model.addAttribute("categoria", hecha.categoria());
            model.addAttribute("noConformes", hecha.noConformes());
            model.addAttribute("guardada", true);
            return "categorias/no-conformes";
        } catch (StaleVersionException e) {
            // as the category form: the page again, saying so (the hostile-input suite allows no 409 for pages)
            result.reject("categorias.error.conflicto");
            return formulario(categoria, model);
        } catch (InvalidException e) {
            response.setStatus(422);
            ErroresFormulario.rechazar(
                    e,
                    result,
                    fe -> new ErroresFormulario.Destino(
                            campo(fe.field()),
                            "categorias.campo.error." + fe.code(),
                            fe.args().toArray(),
                            fe.message()),
                    "categorias.error.invalida");
            return formulario(categoria, model);
        }
    }

    /** The input an error belongs to; the schema's own problems go above the form. */
    private static String campo(String field) {
        return switch (field) {
            case "clave", "tipo", "valores" -> field;
            case "valor_por_defecto" -> "valorPorDefecto";
            default -> null;
        };
    }

    private String formulario(Categoria categoria, Model model) {
        model.addAttribute("categoria", categoria);
        model.addAttribute("tipos", CampoNuevo.TIPOS);
        return "categorias/campo";
    }
}
