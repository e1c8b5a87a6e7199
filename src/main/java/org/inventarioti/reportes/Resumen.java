package org.inventarioti.reportes;

import java.math.BigDecimal;
import java.util.List;

/**
 * Assets counted and valued along one dimension (estado, categoría or área). Values are summed
 * per currency: the inventory does not convert between currencies.
 */
public record Resumen(String dimension, List<Fila> filas, long total, List<Importe> valorTotal) {

    public record Fila(String clave, long cantidad, List<Importe> valor) {}

    public record Importe(String moneda, BigDecimal valor) {}
}
