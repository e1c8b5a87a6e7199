package org.inventarioti.planes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
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

    /** The {@code ordinal}-th (1-4, -1 = last) ISO weekday (1 = Monday) of the month of {@code fecha}. */
    static LocalDate enElMes(LocalDate fecha, int ordinal, int diaSemana) {
        return fecha.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.of(diaSemana)));
    }

    /** Plans counted from the completion: the next due date after one completed on {@code completado}. */
    static LocalDate siguiente(Plan plan, LocalDate completado) {
        LocalDate paso = sumar(completado, plan.unidad(), plan.cada());
        return plan.reglaOrdinal() == null ? paso : enElMes(paso, plan.reglaOrdinal(), plan.reglaDiaSemana());
    }

    /** One due date and its step number from the plan's start (the rotation's turn). */
    record Vencimiento(long paso, LocalDate fecha) {}

    /** The plan's due dates within [desde, hasta], counted from its start. */
    static List<Vencimiento> vencimientos(Plan plan, LocalDate desde, LocalDate hasta) {
        List<Vencimiento> fechas = new ArrayList<>();
        ChronoUnit unit = switch (plan.unidad()) {
            case "dias" -> ChronoUnit.DAYS;
            case "semanas" -> ChronoUnit.WEEKS;
            default -> ChronoUnit.MONTHS;
        };
        // Start a step before the first due date that can fall in range instead of walking from the start.
        // (A calendar rule moves a date within its month only, so one step back is enough too.)
        long k = Math.max(0, unit.between(plan.fechaInicio(), desde) / plan.cada() - 1);
        for (LocalDate fecha = plan.vencimiento(k); !fecha.isAfter(hasta); fecha = plan.vencimiento(++k)) {
            if (!fecha.isBefore(desde)) {
                fechas.add(new Vencimiento(k, fecha));
            }
        }
        return fechas;
    }
}
