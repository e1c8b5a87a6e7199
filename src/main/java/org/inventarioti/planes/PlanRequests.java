package org.inventarioti.planes;

/** Requests derived from a stored plan (the pages' one-click actions). */
final class PlanRequests {

    private PlanRequests() {}

    /** The plan as it is, with another estado, at the version the person saw. */
    static PlanRequest conEstado(Plan p, String estado, int version) {
        return new PlanRequest(
                p.titulo(),
                p.tipo(),
                p.descripcion(),
                p.activoId(),
                p.categoriaId(),
                p.area(),
                p.ubicacion(),
                p.cada(),
                p.unidad(),
                p.fechaInicio(),
                p.anticipacionDias(),
                p.desde(),
                p.tecnicoId(),
                p.checklist(),
                p.reglaOrdinal(),
                p.reglaDiaSemana(),
                p.rotacion(),
                estado,
                version);
    }
}
