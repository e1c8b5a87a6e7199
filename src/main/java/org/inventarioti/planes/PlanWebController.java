package org.inventarioti.planes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.ConflictException;
import org.inventarioti.errors.InvalidException;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.usuarios.Rol;
import org.inventarioti.usuarios.UsuarioService;
import org.inventarioti.usuarios.UsuarioView;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan pages under Mantenimiento: the list, a plan's page (its records by estado, generate
 * now, pause, resume, end) and the form. Every rule is {@link PlanService}'s; LECTOR reads,
 * TECNICO writes (SecurityConfiguration).
 */
@Controller
@RequestMapping("/mantenimientos/planes")
class PlanWebController {

    /** Service field names (snake_case) to the form's fields. */
    private static final Map<String, String> CAMPOS = Map.ofEntries(
            Map.entry("titulo", "titulo"),
            Map.entry("tipo", "tipo"),
            Map.entry("descripcion", "descripcion"),
            Map.entry("activo_id", "activoCodigo"),
            Map.entry("activoId", "activoCodigo"),
            Map.entry("categoria_id", "categoriaId"),
            Map.entry("categoriaId", "categoriaId"),
            Map.entry("area", "area"),
            Map.entry("ubicacion", "ubicacion"),
            Map.entry("cada", "cada"),
            Map.entry("unidad", "unidad"),
            Map.entry("regla_ordinal", "reglaOrdinal"),
            Map.entry("reglaOrdinal", "reglaOrdinal"),
            Map.entry("regla_dia_semana", "reglaDiaSemana"),
            Map.entry("reglaDiaSemana", "reglaDiaSemana"),
            Map.entry("fecha_inicio", "fechaInicio"),
            Map.entry("fechaInicio", "fechaInicio"),
            Map.entry("anticipacion_dias", "anticipacionDias"),
            Map.entry("anticipacionDias", "anticipacionDias"),
            Map.entry("tecnico_id", "tecnicoId"),
            Map.entry("tecnicoId", "tecnicoId"),
            Map.entry("rotacion", "rotacion"),
            Map.entry("checklist", "checklist"),
            Map.entry("estado", "estado"));

    private final PlanService service;
    private final ActivoService activos;
    private final CategoriaService categorias;
    private final UsuarioService usuarios;
    private final Clock clock;

    PlanWebController(
            PlanService service,
            ActivoService activos,
            CategoriaService categorias,
            UsuarioService usuarios,
            Clock clock) {
        this.service = service;
        this.activos = activos;
        this.categorias = categorias;
        this.usuarios = usuarios;
        this.clock = clock;
    }

    @GetMapping
    String lista(Model model) {
        List<Plan> planes = service.listar();
        model.addAttribute("planes", planes);
        model.addAttribute("codigos", codigos(planes));
        referencias(model);
        return "planes/lista";
    }

    @GetMapping("/{id}")
    String detalle(@PathVariable long id, Model model) {
        Plan plan = service.buscar(id);
        model.addAttribute("plan", plan);
        model.addAttribute("registros", service.registros(id));
        model.addAttribute("codigos", codigos(List.of(plan)));
        referencias(model);
        return "planes/detalle";
    }

    @GetMapping("/nuevo")
    String nuevo(Model model) {
        model.addAttribute("form", PlanForm.nuevo(LocalDate.now(clock)));
        return formulario(null, model);
    }

    @PostMapping
    String crear(
            @ModelAttribute("form") PlanForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        PlanRequest request = form.request(activoId(form, result), result);
        if (result.hasErrors()) {
            return formulario(null, model);
        }
        try {
            Plan plan = service.crear(request);
            redirect.addFlashAttribute("aviso", "planes.aviso.guardado");
            return "redirect:/mantenimientos/planes/" + plan.id();
        } catch (InvalidException e) {
            rechazar(e, result);
            return formulario(null, model);
        }
    }

    @GetMapping("/{id}/editar")
    String editar(@PathVariable long id, Model model) {
        Plan plan = service.buscar(id);
        model.addAttribute("form", PlanForm.de(plan, codigo(plan)));
        return formulario(plan, model);
    }

    @PostMapping("/{id}")
    String actualizar(
            @PathVariable long id,
            @ModelAttribute("form") PlanForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Plan actual = service.buscar(id);
        PlanRequest request = form.request(activoId(form, result), result);
        if (request.version() == null) {
            result.reject("planes.error.conflicto");
        }
        if (result.hasErrors()) {
            return formulario(actual, model);
        }
        try {
            service.reemplazar(id, request, null);
            redirect.addFlashAttribute("aviso", "planes.aviso.guardado");
            return "redirect:/mantenimientos/planes/" + id;
        } catch (InvalidException e) {
            rechazar(e, result);
            return formulario(actual, model);
        } catch (ConflictException e) {
            result.reject("planes.error.conflicto");
            return formulario(service.buscar(id), model);
        }
    }

    /** Pause, resume or end (ending cannot be undone: the page asks first), or generate now. */
    @PostMapping("/{id}/{accion:pausar|reanudar|finalizar|generar}")
    String accion(
            @PathVariable long id,
            @PathVariable String accion,
            @RequestParam int version,
            RedirectAttributes redirect) {
        Plan plan = service.buscar(id);
        try {
            if (accion.equals("generar")) {
                PlanService.Generacion g = service.generar(id);
                redirect.addFlashAttribute("generados", g.generados());
            } else {
                String estado = switch (accion) {
                    case "pausar" -> Plan.PAUSADO;
                    case "reanudar" -> Plan.ACTIVO;
                    default -> Plan.FINALIZADO;
                };
                service.reemplazar(id, PlanRequests.conEstado(plan, estado, version), null);
            }
            redirect.addFlashAttribute("aviso", "planes.aviso." + accion);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "planes.error.conflicto");
        } catch (InvalidException e) {
            redirect.addFlashAttribute("error", "planes.error.invalido");
        }
        return "redirect:/mantenimientos/planes/" + id;
    }

    private String formulario(Plan plan, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("tipos", List.of("preventivo", "correctivo", "emergencia"));
        model.addAttribute("unidades", Intervalo.UNIDADES);
        referencias(model);
        return "planes/form";
    }

    /** The names a plan's ids stand for: categories and the people who may do maintenance. */
    private void referencias(Model model) {
        List<org.inventarioti.categorias.Categoria> todas = categorias.todas();
        List<UsuarioView> personas = usuarios.listar();
        model.addAttribute("categorias", todas);
        model.addAttribute(
                "tecnicos", personas.stream().filter(u -> u.rol() != Rol.LECTOR).toList());
        Map<Long, String> nombres = new java.util.HashMap<>();
        personas.forEach(u -> nombres.put(u.id(), u.nombre()));
        model.addAttribute("nombres", nombres);
        Map<Long, String> nombresCategoria = new java.util.HashMap<>();
        todas.forEach(c -> nombresCategoria.put(c.id(), c.nombre()));
        model.addAttribute("nombresCategoria", nombresCategoria);
    }

    /** The codigo of each single-asset plan's asset, by its id. */
    private Map<Long, String> codigos(List<Plan> planes) {
        Map<Long, String> codigos = new java.util.HashMap<>();
        planes.stream()
                .map(Plan::activoId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(id -> codigos.put(id, activos.buscar(id).codigo()));
        return codigos;
    }

    private String codigo(Plan plan) {
        return plan.activoId() == null ? null : activos.buscar(plan.activoId()).codigo();
    }

    private Long activoId(PlanForm form, BindingResult result) {
        if (!"activo".equals(form.alcance())) {
            return null;
        }
        if (form.activoCodigo() == null || form.activoCodigo().isBlank()) {
            result.rejectValue("activoCodigo", "planes.error.activo");
            return null;
        }
        try {
            return activos.porCodigo(form.activoCodigo().strip()).id();
        } catch (NotFoundException e) {
            result.rejectValue("activoCodigo", "planes.error.activo");
            return null;
        }
    }

    private static void rechazar(InvalidException e, BindingResult result) {
        ErroresFormulario.rechazar(
                e,
                result,
                error -> CAMPOS.containsKey(error.field())
                        ? new ErroresFormulario.Destino(
                                CAMPOS.get(error.field()),
                                "planes.error.campo." + CAMPOS.get(error.field()),
                                null,
                                error.message())
                        : new ErroresFormulario.Destino(null, "planes.error.invalido", null, error.message()),
                "planes.error.invalido");
    }
}
