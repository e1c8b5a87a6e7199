package org.inventarioti.asignaciones;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A hand-over receipt as drawn: its header and one line per asset handed over or returned. */
record Acta(long id, String tipo, OffsetDateTime emitidaEn, String emitidaPor, List<Linea> lineas) {

    static final String ENTREGA = "entrega";
    static final String DEVOLUCION = "devolucion";

    /** One asset of the receipt, with whom or where it went to (or came back from). */
    record Linea(
            String codigo,
            String nombre,
            String marca,
            String modelo,
            String numeroSerie,
            String persona,
            String numeroEmpleado,
            String area,
            String cargo,
            String ubicacion,
            String contenedor,
            String condicion,
            String notas,
            LocalDate devolucionPrevista) {

        String destino() {
            return persona != null ? persona : ubicacion != null ? ubicacion : contenedor;
        }
    }

    /** The person of every line when they are all the same one (the receipt's other party). */
    Linea titular() {
        return lineas.stream().map(Linea::destino).distinct().count() == 1 ? lineas.get(0) : null;
    }
}
