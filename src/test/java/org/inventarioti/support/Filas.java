package org.inventarioti.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts categorías, activos and mantenimientos straight into the tables, for tests of read-only
 * features (reports, labels) that must not depend on the inventory services. Names are unique.
 */
public final class Filas {

    private final JdbcClient jdbc;

    public Filas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String unico(String prefijo) {
        return prefijo + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long categoria(String nombre) {
        return jdbc.sql("INSERT INTO categorias (nombre) VALUES (?) RETURNING id")
                .param(nombre)
                .query(Long.class)
                .single();
    }

    public record Activo(long id, String codigo) {}

    public Activo activo(long categoria, String nombre, String estado, String area, BigDecimal precio, String moneda) {
        return activo(categoria, nombre, estado, area, precio, moneda, null, null);
    }

    public Activo activo(
            long categoria,
            String nombre,
            String estado,
            String area,
            BigDecimal precio,
            String moneda,
            LocalDate fechaCompra,
            LocalDate garantiaHasta) {
        String codigo = unico("T").toUpperCase();
        long id = jdbc.sql("""
                        INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, estado, area, precio, moneda,
                                             fecha_compra, garantia_hasta, especificaciones)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{"ram": "16GB"}')
                        RETURNING id""")
                .params(
                        codigo,
                        categoria,
                        nombre,
                        "SN-" + codigo,
                        estado,
                        area,
                        precio,
                        moneda,
                        fechaCompra,
                        garantiaHasta)
                .query(Long.class)
                .single();
        return new Activo(id, codigo);
    }

    public long mantenimiento(long activo, String titulo, String estado, LocalDate fecha) {
        return jdbc.sql("""
                        INSERT INTO mantenimientos (activo_id, tipo, titulo, estado, fecha_programada)
                        VALUES (?, 'preventivo', ?, ?, ?) RETURNING id""")
                .params(activo, titulo, estado, fecha)
                .query(Long.class)
                .single();
    }
}
