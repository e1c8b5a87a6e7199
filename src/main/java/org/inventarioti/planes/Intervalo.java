package org.inventarioti.planes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The interval arithmetic of a plan: every N days, weeks or months (months keep the start's day). */
final class Intervalo {

    static final List<String> UNIDADES = List.of("dias", "semanas", "meses");

    private Intervalo() {}

    static LocalDate sumar(LocalDate fecha, String unidad, long cantidad) {
        return switch (unidad) {
            case "dias" -> fecha.plusDays(cantidad);
            case "semanas" -> fecha.plusWeeks(cantidad);
            case "meses" -> fecha.plusMonths(cantidad);
            default -> throw new IllegalArgumentException("unknown unit " + unidad);
        };
    }

    /** The plan's due dates within [desde, hasta], counted from its start. */
    static List<LocalDate> vencimientos(Plan plan, LocalDate desde, LocalDate hasta) {
        List<LocalDate> fechas = new ArrayList<>();
        ChronoUnit unit = switch (plan.unidad()) {
            case "dias" -> ChronoUnit.DAYS;
            case "semanas" -> ChronoUnit.WEEKS;
            default -> ChronoUnit.MONTHS;
        };
        // Start a step before the first due date that can fall in range instead of walking from the start.
        long k = Math.max(0, unit.between(plan.fechaInicio(), desde) / plan.cada() - 1);
        for (LocalDate fecha = plan.vencimiento(k); !fecha.isAfter(hasta); fecha = plan.vencimiento(++k)) {
            if (!fecha.isBefore(desde)) {
                fechas.add(fecha);
            }
        }
        return fechas;
    }
}
