package org.inventarioti.reportes;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** One asset in the detailed report and its exports. */
record FilaDetalle(
        String codigo,
        String nombre,
        String categoria,
        String marca,
        String modelo,
        String numeroSerie,
        String estado,
        String area,
        String ubicacion,
        String responsable,
        String proveedor,
        LocalDate fechaCompra,
        LocalDate garantiaHasta,
        BigDecimal precio,
        String moneda,
        String bitlocker,
        String especificaciones) {

    static final String COLUMNAS = """
            a.codigo, a.nombre, c.nombre AS categoria, a.marca, a.modelo, a.numero_serie, a.estado, a.area,
            a.ubicacion, a.responsable, a.proveedor, a.fecha_compra, a.garantia_hasta, a.precio, a.moneda,
            a.bitlocker, a.especificaciones::text AS especificaciones""";

    /** Column keys, in order: message {@code reportes.columna.<key>} names each in the exports. */
    static final String[] CLAVES = {
        "codigo",
        "nombre",
        "categoria",
        "marca",
        "modelo",
        "numeroSerie",
        "estado",
        "area",
        "ubicacion",
        "responsable",
        "proveedor",
        "fechaCompra",
        "garantiaHasta",
        "precio",
        "moneda",
        "bitlocker",
        "especificaciones"
    };

    static FilaDetalle map(ResultSet rs) throws SQLException {
        return new FilaDetalle(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getObject(12, LocalDate.class),
                rs.getObject(13, LocalDate.class),
                rs.getBigDecimal(14),
                rs.getString(15),
                rs.getString(16),
                rs.getString(17));
    }

    Object[] valores() {
        return new Object[] {
            codigo,
            nombre,
            categoria,
            marca,
            modelo,
            numeroSerie,
            estado,
            area,
            ubicacion,
            responsable,
            proveedor,
            fechaCompra,
            garantiaHasta,
            precio,
            moneda,
            bitlocker,
            especificaciones
        };
    }
}
