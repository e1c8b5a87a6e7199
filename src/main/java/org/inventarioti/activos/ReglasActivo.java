package org.inventarioti.activos;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.inventarioti.categorias.Categoria;
import org.inventarioti.categorias.CategoriaService;
import org.inventarioti.errors.Checks;
import org.inventarioti.errors.FieldError;
import org.inventarioti.personas.Persona;
import org.inventarioti.personas.PersonaService;
import org.inventarioti.secretos.DetectorSecretos;
import org.inventarioti.ubicaciones.UbicacionService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every rule of an asset, in one place: the API, the pages and the batched import path of
 * {@link ActivoService} all check a request here. All errors come at once; the especificaciones
 * come back normalised. {@code categorias} finds a category by id (a batch passes a memo).
 */
@Component
class ReglasActivo {

    private final CategoriaService categorias;
    private final MantenimientosDeActivo mantenimientos;
    private final Validator validator;
    private final ReglasEspecificaciones reglas;
    private final PersonaService personas;
    private final UbicacionService ubicaciones;

    ReglasActivo(
            CategoriaService categorias,
            MantenimientosDeActivo mantenimientos,
            Validator validator,
            JsonMapper json,
            PersonaService personas,
            UbicacionService ubicaciones) {
        this.personas = personas;
        this.ubicaciones = ubicaciones;
        this.categorias = categorias;
        this.mantenimientos = mantenimientos;
        this.validator = validator;
        this.reglas = new ReglasEspecificaciones(json);
    }

    ActivoRequest comprobar(ActivoRequest request, Optional<Activo> before, List<FieldError> errors) {
        return comprobar(request, before, errors, categorias::encontrar, this::enProgreso);
    }

    /**
     * The rules with the lookups given: {@code categoria} by id, and {@code enProgreso} (the id of
     * a maintenance of the asset in progress), so that a batch can answer them from one query.
     */
    ActivoRequest comprobar(
            ActivoRequest request,
            Optional<Activo> before,
            List<FieldError> errors,
            LongFunction<Optional<Categoria>> categoria,
            LongFunction<Optional<Long>> enProgreso) {
        errors.addAll(Checks.violations(validator, request));
        ReglasEspecificaciones.Resultado specs = reglas.aplicar(request.especificaciones());
        errors.addAll(specs.errores());
        textos(request, errors);
        if (request.precio() != null && request.moneda() == null) {
            errors.add(FieldError.of("moneda", "required when precio is given"));
        }
        if (request.fechaCompra() != null
                && request.garantiaHasta() != null
                && request.garantiaHasta().isBefore(request.fechaCompra())) {
            errors.add(FieldError.of("garantia_hasta", "must not be before fecha_compra"));
        }
        ActivoRequest clean = request.limpio(specs.especificaciones());
        if (request.categoriaId() != null) {
            Optional<Categoria> found = categoria.apply(request.categoriaId());
            if (found.isEmpty()) {
                errors.add(FieldError.of("categoria_id", "category " + request.categoriaId() + " does not exist"));
            } else if (specs.errores().isEmpty() && especificacionesCambian(before, clean)) {
                errors.addAll(categorias.validarEspecificaciones(found.get(), clean.especificaciones()));
            }
        }
        before.ifPresent(activo -> estadoConMantenimiento(activo, clean, errors, enProgreso));
        custodia(clean, before, errors);
        return clean;
    }

    /** A custodian or place given by id must exist; a new custodian must be active. */
    private void custodia(ActivoRequest clean, Optional<Activo> before, List<FieldError> errors) {
        Long persona = clean.personaId();
        if (persona != null && !persona.equals(before.map(Activo::personaId).orElse(null))) {
            Optional<Persona> found = personas.encontrar(persona);
            if (found.isEmpty()) {
                errors.add(FieldError.of("persona_id", "person " + persona + " does not exist"));
            } else if (!found.get().activa()) {
                errors.add(FieldError.of("persona_id", found.get().nombre() + " is inactive"));
            }
        }
        Long ubicacion = clean.ubicacionId();
        if (ubicacion != null
                && !ubicacion.equals(before.map(Activo::ubicacionId).orElse(null))
                && ubicaciones.encontrar(ubicacion).isEmpty()) {
            errors.add(FieldError.of("ubicacion_id", "place " + ubicacion + " does not exist"));
        }
    }

    private Optional<Long> enProgreso(long activoId) {
        return mantenimientos.enProgreso(activoId);
    }

    /** Assets keep especificaciones that a later schema change made non-conforming until they change them. */
    private static boolean especificacionesCambian(Optional<Activo> before, ActivoRequest clean) {
        return before.isEmpty()
                || before.get().categoriaId() != clean.categoriaId()
                || !Objects.equals(before.get().especificaciones(), clean.especificaciones());
    }

    private static void estadoConMantenimiento(
            Activo before, ActivoRequest clean, List<FieldError> errors, LongFunction<Optional<Long>> enProgreso) {
        if (clean.estado().equals(Activo.EN_MANTENIMIENTO) || clean.estado().equals(Activo.DADO_DE_BAJA)) {
            return;
        }
        enProgreso
                .apply(before.id())
                .ifPresent(m -> errors.add(FieldError.of(
                        "estado",
                        "maintenance " + m + " is in progress: the asset stays En mantenimiento until it is"
                                + " completed or cancelled (or the asset is Dado de baja)")));
    }

    private static void textos(ActivoRequest r, List<FieldError> errors) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("nombre", r.nombre());
        texts.put("marca", r.marca());
        texts.put("modelo", r.modelo());
        texts.put("numero_serie", r.numeroSerie());
        texts.put("area", r.area());
        texts.put("ubicacion", r.ubicacion());
        texts.put("proveedor", r.proveedor());
        texts.put("responsable", r.responsable());
        texts.put("notas", r.notas());
        texts.forEach((field, text) -> {
            if (text != null && text.indexOf('\u0000') >= 0) {
                errors.add(FieldError.of(field, "must not contain NUL characters"));
            }
        });
        DetectorSecretos.camposConSecreto(texts)
                .forEach(field -> errors.add(FieldError.of(field, DetectorSecretos.MENSAJE_VALOR)));
    }
}
