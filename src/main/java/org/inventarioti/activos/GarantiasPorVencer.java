package org.inventarioti.activos;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assets whose warranty ends soon, for the notifications' warranty reminders. */
@Component
public class GarantiasPorVencer {

    /** An asset in service and the day its warranty ends. */
    public record Garantia(long id, String codigo, String nombre, LocalDate garantiaHasta) {}

    private final JdbcClient jdbc;

    GarantiasPorVencer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The assets not retired whose warranty ends after {@code desde} and on or before {@code hasta}. */
    @Transactional(readOnly = true)
    public List<Garantia> entre(LocalDate desde, LocalDate hasta) {
        return jdbc.sql("SELECT id, codigo, nombre, garantia_hasta FROM activos WHERE garantia_hasta > :desde"
                        + " AND garantia_hasta <= :hasta AND estado <> :baja ORDER BY garantia_hasta, id")
                .param("desde", desde)
                .param("hasta", hasta)
                .param("baja", Activo.DADO_DE_BAJA)
                .query(Garantia.class)
                .list();
    }
}
