package org.inventarioti.ops.migrate;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The V3 preconditions measured on the live data by {@code especificaciones_estado_migracion()} (V2). */
public record SpecsMigrationStatus(
        long rows,
        long withText,
        long converted,
        long enCuarentena,
        long mismatches,
        long unconverted,
        List<Long> problemIds) {

    public boolean holds() {
        return mismatches == 0 && unconverted == 0;
    }

    /** Empty when the function is gone (V3 applied) or not there yet. */
    public static Optional<SpecsMigrationStatus> measure(JdbcClient jdbc) {
        boolean exists = jdbc.sql("SELECT to_regprocedure('especificaciones_estado_migracion()') IS NOT NULL")
                .query(Boolean.class)
                .single();
        if (!exists) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT * FROM especificaciones_estado_migracion()")
                .query((rs, n) -> new SpecsMigrationStatus(
                        rs.getLong("filas"),
                        rs.getLong("con_texto"),
                        rs.getLong("convertidas"),
                        rs.getLong("en_cuarentena"),
                        rs.getLong("discrepancias"),
                        rs.getLong("sin_convertir"),
                        ids(rs.getArray("ids_problema"))))
                .single());
    }

    private static List<Long> ids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    public String describe() {
        return "rows " + rows + ", with text " + withText + ", converted " + converted + ", quarantined "
                + enCuarentena + ", mismatches " + mismatches + ", neither converted nor quarantined "
                + unconverted + (problemIds.isEmpty() ? "" : " (asset ids: " + problemIds + ")");
    }
}
