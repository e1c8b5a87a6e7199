package org.inventarioti.planes;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inventarioti.activos.Activo;
import org.inventarioti.activos.ActivoService;
import org.inventarioti.auditoria.AuditoriaService;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.Checks;
import org.inventarioti.errors.FieldError;
import org.inventarioti.errors.NotFoundException;
import org.inventarioti.errors.Versions;
import org.inventarioti.mantenimientos.MantenimientoCompletado;
import org.inventarioti.mantenimientos.MantenimientosDePlan;
import org.inventarioti.notificaciones.NotificacionService;
import org.inventarioti.usuarios.UsuarioService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preventive maintenance plans and the {@code programado} records they generate inside a horizon
 * (default 60 days, {@code inventario.planes.horizonte}). Generation is idempotent (one record per
 * plan, asset and due date), skips assets "Dado de baja", adds newly matching assets and withdraws
 * the still-{@code programado} records of assets that left the plan. Pausing or ending a plan
 * withdraws its {@code programado} records from today on; records started, completed or cancelled
 * are never touched. Editing what the records depend on replaces the {@code programado} ones.
 */
@Service
public class PlanService {

    public static final String ENTIDAD = "plan";
    private static final String ENTIDAD_API = "Plan";

    /** The outcome of generating one plan. */
    public record Generacion(long planId, int activos, int generados, int retirados) {}

    private final PlanRepository repository;
    private final MantenimientosDePlan mantenimientos;
    private final ActivoService activos;
    private final CategoriaService categorias;
    private final UsuarioService usuarios;
    private final AuditoriaService auditoria;
    private final NotificacionService notificaciones;
    private final Validator validator;
    private final Clock clock;
    private final Duration horizonte;

    PlanService(
            PlanRepository repository,
            MantenimientosDePlan mantenimientos,
            ActivoService activos,
            CategoriaService categorias,
            UsuarioService usuarios,
            AuditoriaService auditoria,
            NotificacionService notificaciones,
            Validator validator,
            Clock clock,
            @Value("${inventario.planes.horizonte:60d}") Duration horizonte) {
        this.repository = repository;
        this.mantenimientos = mantenimientos;
        this.activos = activos;
        this.categorias = categorias;
        this.usuarios = usuarios;
        this.auditoria = auditoria;
        this.notificaciones = notificaciones;
        this.validator = validator;
        this.clock = clock;
        this.horizonte = horizonte;
    }

    @Transactional(readOnly = true)
    public List<Plan> listar() {
        return repository.todos();
    }

    @Transactional(readOnly = true)
    public Plan buscar(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(ENTIDAD_API, id));
    }

    /** How many of the plan's records are in each estado. */
    @Transactional(readOnly = true)
    public Map<String, Integer> registros(long id) {
        return mantenimientos.porEstado(buscar(id).id());
    }

    @Transactional
    public Plan crear(PlanRequest request) {
        PlanRequest valid = validated(request, Optional.empty());
        long id = repository.insert(valid, AuditoriaService.currentActor());
        Plan created = buscar(id);
        auditoria.creado(ENTIDAD, id, created);
        generar(created);
        return created;
    }

    @Transactional
    public Plan reemplazar(long id, PlanRequest request, String ifMatch) {
        int version = Versions.required(request.version(), ifMatch);
        Plan before = Versions.atVersion(ENTIDAD_API, id, version, buscar(id));
        PlanRequest valid = validated(request, Optional.of(before));
        if (!repository.update(id, version, valid, AuditoriaService.currentActor())) {
            throw Versions.stale(ENTIDAD_API, id, version, buscar(id));
        }
        Plan after = buscar(id);
        auditoria.actualizado(ENTIDAD, id, before, after);
        if (valid.cambiaProgramacion(before)) {
            // What the records say or when they fall changed: replace the ones not started yet.
            mantenimientos.retirar(id, null, hoy());
        }
        generar(after);
        return after;
    }

    /** Deletes a plan (ADMIN): its {@code programado} records go, the others stay without a plan. */
    @Transactional
    public void eliminar(long id, String ifMatch) {
        Optional<Integer> version = Versions.ifMatch(ifMatch);
        Plan before = version.isPresent() ? Versions.atVersion(ENTIDAD_API, id, version.get(), buscar(id)) : buscar(id);
        mantenimientos.retirar(id, null, LocalDate.MIN);
        if (!repository.delete(id, version.orElse(null))) {
            throw Versions.stale(ENTIDAD_API, id, version.orElse(before.version()), buscar(id));
        }
        auditoria.eliminado(ENTIDAD, id, before);
    }

    /** Generates (or withdraws) one plan's records now. */
    @Transactional
    public Generacion generar(long id) {
        return generar(buscar(id));
    }

    /** The ids of the active plans (the {@code generar-planes} job generates each in its own transaction). */
    @Transactional(readOnly = true)
    public List<Long> activos() {
        return repository.activos();
    }

    /**
     * A record of a plan counted from the completion was completed: schedule that asset's next
     * one now, in the completing transaction (plans with fixed dates already have theirs).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void alCompletar(MantenimientoCompletado completado) {
        repository
                .findById(completado.planId())
                .filter(p -> p.estado().equals(Plan.ACTIVO) && p.desde().equals(Plan.DESDE_COMPLETADO))
                .ifPresent(p -> generar(p, Optional.of(completado.activoId())));
    }

    private Generacion generar(Plan plan) {
        return generar(plan, Optional.empty());
    }

    /** Generates the plan's records; with {@code soloActivo}, only that asset's, withdrawing nothing. */
    private Generacion generar(Plan plan, Optional<Long> soloActivo) {
        LocalDate hoy = hoy();
        if (!plan.estado().equals(Plan.ACTIVO)) {
            int retirados = mantenimientos.retirar(plan.id(), null, hoy);
            return audited(new Generacion(plan.id(), 0, 0, retirados));
        }
        List<Long> cubiertos = activos.paraPlan(plan.activoId(), plan.categoriaId(), plan.area(), plan.ubicacion());
        int retirados = 0;
        if (soloActivo.isPresent()) {
            cubiertos = cubiertos.contains(soloActivo.get()) ? List.of(soloActivo.get()) : List.of();
        } else {
            retirados = mantenimientos.retirar(plan.id(), cubiertos, hoy);
        }
        LocalDate hasta = hoy.plusDays(Math.max(horizonte.toDays(), plan.anticipacionDias()));
        List<MantenimientosDePlan.Programado> registros = new ArrayList<>();
        if (plan.desde().equals(Plan.DESDE_PROGRAMADA)) {
            List<Intervalo.Vencimiento> vencimientos = Intervalo.vencimientos(plan, hoy, hasta);
            for (Long activo : cubiertos) {
                for (Intervalo.Vencimiento v : vencimientos) {
                    registros.add(
                            new MantenimientosDePlan.Programado(activo, v.fecha(), plan.tecnicoDelPaso(v.paso())));
                }
            }
        } else {
            // One record at a time: the next falls an interval after the last completion.
            Map<Long, MantenimientosDePlan.Avance> avance = mantenimientos.avance(plan.id());
            for (Long activo : cubiertos) {
                var a = avance.get(activo);
                if (a != null && a.abierto()) {
                    continue;
                }
                LocalDate siguiente = a == null || a.ultimaCompletada() == null
                        ? plan.fechaInicio()
                        : Intervalo.siguiente(plan, a.ultimaCompletada());
                if (!siguiente.isAfter(hasta)) {
                    long paso = a == null ? 0 : a.completados();
                    registros.add(new MantenimientosDePlan.Programado(activo, siguiente, plan.tecnicoDelPaso(paso)));
                }
            }
        }
        int generados = mantenimientos.generar(plan.id(), plantilla(plan), registros, AuditoriaService.currentActor());
        if (generados > 0) {
            notificar(plan, generados, hoy);
        }
        return audited(new Generacion(plan.id(), cubiertos.size(), generados, retirados));
    }

    /**
     * Tells the plan's technicians (its technician, or everyone in its rotation; e-mail in each
     * one's language) and the webhook, in this transaction: once per plan, technician and day.
     */
    private void notificar(Plan plan, int generados, LocalDate hoy) {
        String clave = "plan-generado:" + plan.id() + ":" + hoy;
        List<Long> tecnicos = plan.rotacion().isEmpty()
                ? (plan.tecnicoId() == null ? List.of() : List.of(plan.tecnicoId()))
                : plan.rotacion().stream().distinct().toList();
        for (Long tecnico : tecnicos) {
            notificaciones.encolarEmailA(
                    tecnico,
                    "plan.generado",
                    clave + ":" + tecnico,
                    plan.titulo(),
                    generados,
                    horizonte.toDays(),
                    tecnicos.size());
        }
        notificaciones.encolarEvento(
                "plan.generado", Map.of("plan_id", plan.id(), "titulo", plan.titulo(), "generados", generados), clave);
    }

    private Generacion audited(Generacion g) {
        if (g.generados() > 0 || g.retirados() > 0) {
            auditoria.evento(
                    "generar",
                    ENTIDAD,
                    g.planId(),
                    AuditoriaService.currentActor(),
                    Map.of("activos", g.activos(), "generados", g.generados(), "retirados", g.retirados()));
        }
        return g;
    }

    private static MantenimientosDePlan.Plantilla plantilla(Plan plan) {
        return new MantenimientosDePlan.Plantilla(plan.tipo(), plan.titulo(), plan.descripcion(), plan.checklist());
    }

    private LocalDate hoy() {
        return LocalDate.now(clock);
    }

    private PlanRequest validated(PlanRequest request, Optional<Plan> before) {
        List<FieldError> errors = new ArrayList<>(Checks.violations(validator, request));
        Checks.orFail(errors);
        PlanRequest p = request.limpio();
        if ((p.activoId() == null) == (p.categoriaId() == null)) {
            errors.add(FieldError.of("activo_id", "give exactly one of activo_id or categoria_id"));
        }
        if (p.activoId() != null && (p.area() != null || p.ubicacion() != null)) {
            errors.add(FieldError.of("area", "area and ubicacion narrow a category plan only"));
        }
        if (p.activoId() != null
                && !java.util.Objects.equals(
                        p.activoId(), before.map(Plan::activoId).orElse(null))) {
            if (!activos.existe(p.activoId())) {
                errors.add(FieldError.of("activo_id", "asset " + p.activoId() + " does not exist"));
            } else if (activos.buscar(p.activoId()).estado().equals(Activo.DADO_DE_BAJA)) {
                errors.add(FieldError.of("activo_id", "asset " + p.activoId() + " is retired (Dado de baja)"));
            }
        }
        if (p.categoriaId() != null && categorias.encontrar(p.categoriaId()).isEmpty()) {
            errors.add(FieldError.of("categoria_id", "category " + p.categoriaId() + " does not exist"));
        }
        if (p.tecnicoId() != null && !usuarios.existe(p.tecnicoId())) {
            errors.add(FieldError.of("tecnico_id", "user " + p.tecnicoId() + " does not exist"));
        }
        if (p.tecnicoId() != null && !p.rotacion().isEmpty()) {
            errors.add(FieldError.of("rotacion", "give tecnico_id or a rotacion, not both"));
        }
        p.rotacion().stream()
                .filter(u -> !usuarios.existe(u))
                .findFirst()
                .ifPresent(u -> errors.add(FieldError.of("rotacion", "user " + u + " does not exist")));
        if ((p.reglaOrdinal() == null) != (p.reglaDiaSemana() == null)) {
            errors.add(
                    FieldError.of("regla_dia_semana", "a calendar rule needs both regla_ordinal and regla_dia_semana"));
        }
        if (p.reglaOrdinal() != null && p.reglaOrdinal() == 0) {
            errors.add(FieldError.of("regla_ordinal", "must be 1, 2, 3, 4 or -1 (the last)"));
        }
        if (p.reglaOrdinal() != null && !p.unidad().equals("meses")) {
            errors.add(FieldError.of("unidad", "a calendar rule (the Nth weekday of the month) needs unidad meses"));
        }
        if (before.isPresent()
                && before.get().estado().equals(Plan.FINALIZADO)
                && !p.estado().equals(Plan.FINALIZADO)) {
            errors.add(FieldError.of("estado", "an ended plan cannot be reopened; create a new plan"));
        }
        for (String text : new String[] {p.titulo(), p.descripcion(), p.area(), p.ubicacion()}) {
            if (text != null && text.indexOf('\u0000') >= 0) {
                errors.add(FieldError.of("texto", "must not contain NUL characters"));
            }
        }
        Checks.orFail(errors);
        return p;
    }
}
