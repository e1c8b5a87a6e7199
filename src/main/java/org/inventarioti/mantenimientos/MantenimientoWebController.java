package org.inventarioti.mantenimientos;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.MalformedException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Versions;
import org.inventarioti.listing.ListPage;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.UsuarioService;
import org.inventarioti.usuarios.UsuarioView;
import org.inventarioti.web.Vistas;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The maintenance pages over MantenimientoService: list and queues, schedule, edit, start,
 * complete, cancel. LECTOR reads; TECNICO writes; ADMIN deletes (see SecurityConfiguration).
 */
@Controller
@RequestMapping("/mantenimientos")
class MantenimientoWebController {

    static final Map<String, String> ACCIONES = Map.of(
            "iniciar", Mantenimiento.EN_PROGRESO,
            "completar", Mantenimiento.COMPLETADO,
            "cancelar", Mantenimiento.CANCELADO);

    private final MantenimientoService service;
    private final ActivoService activos;
    private final UsuarioService usuarios;
    private final JsonMapper json;
    private final Clock clock;

    MantenimientoWebController(
            MantenimientoService service,
            ActivoService activos,
            UsuarioService usuarios,
            JsonMapper json,
            Clock clock) {
        this.service = service;
        this.activos = activos;
        this.usuarios = usuarios;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    String lista(@RequestParam Map<String, String> query, HtmxRequest htmx, Model model, HttpServletResponse response) {
        FiltroMantenimientos filtro = FiltroMantenimientos.de(query);
        model.addAttribute("filtro", filtro);
        model.addAttribute("tipos", Mantenimiento.TIPOS);
        model.addAttribute("estados", Mantenimiento.ESTADOS);
        model.addAttribute("colas", FiltroMantenimientos.COLAS);
        model.addAttribute("tecnicos", tecnicos(null));
        ListPage<Mantenimiento> pagina;
        try {
            pagina = service.listar(
                    filtro.consulta(hoy(), codigo -> activos.porCodigo(codigo).id()));
        } catch (MalformedException | NotFoundException e) {
            model.addAttribute(
                    "errorFiltro",
                    e instanceof MalformedException malformed
                            ? malformed.parameter().orElse("null")
                            : "activo");
            if (htmx == null || !htmx.isHtmxRequest()) {
                response.setStatus(400); // htmx swaps only successful answers: it gets the message with 200
            }
            pagina = new ListPage<>(List.of(), 0, 1, FiltroMantenimientos.POR_PAGINA, null);
        }
        model.addAttribute("pagina", pagina);
        model.addAttribute("paginas", Math.max(1, (pagina.total() + pagina.size() - 1) / pagina.size()));
        if (!model.containsAttribute("errorFiltro")) {
            model.addAttribute("enCola", enCadaCola(filtro, pagina));
        }
        return Vistas.paginaOFragmento(htmx, "mantenimientos/lista", "tabla");
    }

    /** How many records each queue's tab holds with the same filters (the shown one is known). */
    private Map<String, Long> enCadaCola(FiltroMantenimientos filtro, ListPage<Mantenimiento> pagina) {
        Map<String, Long> cuantos = new LinkedHashMap<>();
        for (String cola : FiltroMantenimientos.COLAS) {
            cuantos.put(
                    cola,
                    cola.equals(filtro.cola())
                            ? pagina.total()
                            : service.listar(filtro.en(cola)
                                            .consulta(
                                                    hoy(),
                                                    c -> activos.porCodigo(c).id()))
                                    .total());
        }
        return cuantos;
    }

    @GetMapping("/{id}")
    String detalle(@PathVariable long id, Model model) {
        Mantenimiento m = service.buscar(id);
        model.addAttribute("m", m);
        model.addAttribute(
                "tareas", m.checklist() == null ? List.of() : List.of(json.treeToValue(m.checklist(), Tarea[].class)));
        return "mantenimientos/detalle";
    }

    /** {@code ?activo=} (id or codigo) preselects the asset, as the asset page links here. */
    @GetMapping("/nuevo")
    String nuevo(@RequestParam(required = false) String activo, Model model) {
        String codigo = null;
        if (activo != null && !activo.isBlank()) {
            codigo = activo.strip().matches("\\d{1,18}")
                    ? activos.buscar(Long.parseLong(activo.strip())).codigo()
                    : activos.porCodigo(activo.strip()).codigo();
        }
        model.addAttribute("form", MantenimientoForm.nuevo(codigo, hoy()));
        return formulario(null, model);
    }

    @PostMapping
    String crear(
            @Valid @ModelAttribute("form") MantenimientoForm form,
            BindingResult result,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Long activoId = activoId(form, result);
        MantenimientoRequest request = form.request(activoId, null, locale, result);
        comprobar(request, Optional.empty(), result);
        if (result.hasErrors()) {
            return formulario(null, model);
        }
        try {
            Mantenimiento creado = service.crear(request);
            redirect.addFlashAttribute("aviso", "mantenimientos.aviso.creado");
            return "redirect:/mantenimientos/" + creado.id();
        } catch (InvalidException e) {
            ErroresMantenimiento.rechazar(e, result);
            return formulario(null, model);
        }
    }

    @GetMapping("/{id}/editar")
    String editar(@PathVariable long id, @RequestParam(required = false) String estado, Model model, Locale locale) {
        Mantenimiento m = service.buscar(id);
        MantenimientoForm form = MantenimientoForm.de(m, locale);
        model.addAttribute(
                "form", estado != null && Mantenimiento.ESTADOS.contains(estado) ? form.conEstado(estado) : form);
        return formulario(m, model);
    }

    @PostMapping("/{id}")
    String actualizar(
            @PathVariable long id,
            @Valid @ModelAttribute("form") MantenimientoForm form,
            BindingResult result,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Mantenimiento actual = service.buscar(id);
        if (form.versionVista() == null) {
            result.reject("mantenimientos.error.conflicto");
        }
        MantenimientoRequest request = form.request(actual.activoId(), actual.fechaCompletado(), locale, result);
        comprobar(request, Optional.of(actual), result);
        if (result.hasErrors()) {
            return formulario(actual, model);
        }
        try {
            service.reemplazar(id, request, null);
            redirect.addFlashAttribute("aviso", "mantenimientos.aviso.guardado");
            return "redirect:/mantenimientos/" + id;
        } catch (InvalidException e) {
            ErroresMantenimiento.rechazar(e, result);
            return formulario(actual, model);
        } catch (ConflictException e) {
            Mantenimiento otro = service.buscar(id);
            result.reject("mantenimientos.error.conflicto");
            model.addAttribute("conflicto", otro);
            return formulario(otro, model);
        }
    }

    /** The service's objections next to the form's own, on the fields that have none yet. */
    private void comprobar(MantenimientoRequest request, Optional<Mantenimiento> antes, BindingResult result) {
        List<org.inventarioti.errors.FieldError> problemas = service.problemas(request, antes).stream()
                .filter(error -> ErroresMantenimiento.campo(error.field())
                        .map(campo -> !result.hasFieldErrors(campo))
                        .orElse(true))
                .toList();
        if (!problemas.isEmpty()) {
            ErroresMantenimiento.rechazar(new InvalidException(problemas), result);
        }
    }

    /** Start, complete or cancel, based on the version the reader saw. */
    @PostMapping("/{id}/{accion:iniciar|completar|cancelar}")
    String accion(
            @PathVariable long id,
            @PathVariable String accion,
            @RequestParam int version,
            @RequestParam(required = false) String volver,
            RedirectAttributes redirect) {
        var patch = json.createObjectNode().put("estado", ACCIONES.get(accion)).put("version", version);
        try {
            service.modificar(id, patch, null);
            redirect.addFlashAttribute("aviso", "mantenimientos.aviso." + accion);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "mantenimientos.error.conflicto");
        } catch (InvalidException e) {
            if (e.errors().stream().noneMatch(error -> error.field().startsWith("checklist"))) {
                throw e;
            }
            // A checklist still to tick: the form, set to completado, with the tasks to tick.
            redirect.addFlashAttribute("error", "mantenimientos.error.checklist");
            return "redirect:/mantenimientos/" + id + "/editar?estado=" + ACCIONES.get(accion);
        }
        return "lista".equals(volver) ? "redirect:/mantenimientos" : "redirect:/mantenimientos/" + id;
    }

    @PostMapping("/{id}/eliminar")
    String eliminar(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            service.eliminar(id, Versions.etag(version));
            redirect.addFlashAttribute("aviso", "mantenimientos.aviso.eliminado");
            return "redirect:/mantenimientos";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "mantenimientos.error.conflicto");
            return "redirect:/mantenimientos/" + id;
        }
    }

    private String formulario(Mantenimiento m, Model model) {
        model.addAttribute("resultadosTarea", Tarea.RESULTADOS);
        model.addAttribute("mantenimiento", m);
        model.addAttribute("tipos", Mantenimiento.TIPOS);
        model.addAttribute("estados", Mantenimiento.ESTADOS);
        model.addAttribute("tecnicos", tecnicos(m == null ? null : m.tecnicoId()));
        return "mantenimientos/form";
    }

    private Long activoId(MantenimientoForm form, BindingResult result) {
        if (form == null || result.hasFieldErrors("activoCodigo")) {
            return null;
        }
        try {
            return activos.porCodigo(form.activoCodigo().strip()).id();
        } catch (NotFoundException e) {
            result.addError(new FieldError(
                    result.getObjectName(),
                    "activoCodigo",
                    form.activoCodigo(),
                    false,
                    new String[] {"mantenimientos.error.activo"},
                    null,
                    null));
            return null;
        }
    }

    /** Who may be assigned: technicians and administrators, plus the one already assigned. */
    private List<UsuarioView> tecnicos(Long asignado) {
        return usuarios.listar().stream()
                .filter(u -> u.rol() != Rol.LECTOR || Long.valueOf(u.id()).equals(asignado))
                .toList();
    }

    private LocalDate hoy() {
        return OffsetDateTime.now(clock).toLocalDate();
    }
}
