package org.inventarioti.ops.migrate;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The V3 preconditions measured on the live data by {@code especificaciones_estado_migracion()} (V2). */
public record SpecsMigrationStatus(
        long filas,
        long conTexto,
        long convertidas,
        long enCuarentena,
        long discrepancias,
        long sinConvertir,
        List<Long> idsProblema) {

    public boolean cumple() {
        return discrepancias == 0 && sinConvertir == 0;
    }

    /** Empty when the function is gone (V3 applied) or not there yet. */
    static Optional<SpecsMigrationStatus> medir(JdbcClient jdbc) {
        boolean existe = jdbc.sql("SELECT to_regprocedure('especificaciones_estado_migracion()') IS NOT NULL")
                .query(Boolean.class)
                .single();
        if (!existe) {
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

    public String describir() {
        return "rows " + filas + ", with text " + conTexto + ", converted " + convertidas + ", quarantined "
                + enCuarentena + ", mismatches " + discrepancias + ", neither converted nor quarantined "
                + sinConvertir + (idsProblema.isEmpty() ? "" : " (asset ids: " + idsProblema + ")");
    }
}
