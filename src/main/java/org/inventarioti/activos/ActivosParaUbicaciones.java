package org.inventarioti.activos;

import org.inventarioti.ubicaciones.UsosDeUbicacion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The assets located in a place: a place they are in cannot be deleted. */
@Component
class ActivosParaUbicaciones implements UsosDeUbicacion {

    private final JdbcClient jdbc;

    ActivosParaUbicaciones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long usos(long ubicacionId) {
        return jdbc.sql("SELECT count(*) FROM activos WHERE ubicacion_id = :id")
                .param("id", ubicacionId)
                .query(Long.class)
                .single();
    }

    @Override
    public String que() {
        return "activos";
    }
}
