package org.inventarioti.activos;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where {@code activos} keeps especificaciones, resolved once, at the first use after start-up:
 * after the contract V3 one JSONB column; before it (V2.x, the original's production state) the
 * legacy TEXT column beside {@code especificaciones_json}, which V2's triggers keep in sync. Every
 * release serves both sides of the contracts it carries; this is the one place the asset code
 * learns which side it is on. A maintenance window restarts the server after the contract.
 */
@Component
class FormaEspecificaciones {

    private final JdbcClient jdbc;
    private volatile Boolean contraida;

    FormaEspecificaciones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True on V3 and later (one JSONB column), false on V2.x. */
    boolean contraida() {
        Boolean known = contraida;
        if (known == null) {
            known = jdbc.sql("""
                            SELECT data_type = 'jsonb' FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = 'activos'
                              AND column_name = 'especificaciones'""").query(Boolean.class).optional().orElse(true);
            contraida = known;
        }
        return known;
    }

    /** The JSONB column, for filters: {@code a.especificaciones} or {@code a.especificaciones_json}. */
    String columna() {
        return contraida() ? "a.especificaciones" : "a.especificaciones_json";
    }

    /** The value as JSON text (never NULL), for reads. */
    String lectura() {
        return contraida() ? "a.especificaciones::text" : "coalesce(a.especificaciones_json, '{}'::jsonb)::text";
    }

    /** Without the table alias, for statements on {@code activos} alone. */
    String lecturaSinAlias() {
        return lectura().replace("a.", "");
    }

    /** The columns an INSERT names. */
    String columnas() {
        return contraida() ? "especificaciones" : "especificaciones, especificaciones_json";
    }

    /** The values of {@link #columnas()} from the named JSON text parameter. */
    String valores(String parametro) {
        String json = "CAST(:" + parametro + " AS jsonb)";
        return contraida() ? json : json + "::text, " + json;
    }

    /** The SET clause of an UPDATE from the named JSON text parameter. */
    String asignacion(String parametro) {
        String json = "CAST(:" + parametro + " AS jsonb)";
        return contraida()
                ? "especificaciones = " + json
                : "especificaciones = " + json + "::text, especificaciones_json = " + json;
    }
}
