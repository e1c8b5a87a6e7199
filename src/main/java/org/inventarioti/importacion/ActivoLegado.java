package org.inventarioti.importacion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One legacy asset's own fields as they are being mapped, and those the original's form put in the specs. */
final class ActivoLegado {

    /** The fields a spec key can name (the row's id, categoria_id and numero_serie are compared, never moved). */
    static final Set<String> CAMPOS = Set.of(
            "estado",
            "ubicacion",
            "proveedor",
            "marca",
            "modelo",
            "responsable",
            "area",
            "notas",
            "nombre",
            "bitlocker",
            "fecha_compra",
            "garantia_hasta",
            "precio",
            "precio_usd");

    String nombre, marca, modelo, estado, area, ubicacion, proveedor, responsable, notas, bitlocker, moneda;
    LocalDate fechaCompra, garantiaHasta;
    BigDecimal precio;
    final List<String> notasAnadidas = new ArrayList<>();

    /** The field's current value as text, null when empty. */
    String campo(String key) {
        return switch (key) {
            case "estado" -> estado;
            case "ubicacion" -> ubicacion;
            case "proveedor" -> proveedor;
            case "marca" -> marca;
            case "modelo" -> modelo;
            case "responsable" -> responsable;
            case "area" -> area;
            case "notas" -> notas;
            case "nombre" -> nombre;
            case "bitlocker" -> bitlocker;
            case "fecha_compra" -> fechaCompra == null ? null : fechaCompra.toString();
            case "garantia_hasta" -> garantiaHasta == null ? null : garantiaHasta.toString();
            case "precio", "precio_usd" -> precio == null ? null : precio.toPlainString();
            default -> throw new IllegalArgumentException(key);
        };
    }

    static boolean igual(String key, String current, String value) {
        if (key.equals("precio") || key.equals("precio_usd")) {
            var a = Valores.numero(current);
            var b = Valores.numero(value);
            return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
        }
        if (key.startsWith("fecha") || key.equals("garantia_hasta")) {
            return Valores.fecha(value).map(d -> d.toString().equals(current)).orElse(false);
        }
        return Valores.clave(current).equals(Valores.clave(value));
    }

    boolean poner(String key, String value) {
        switch (key) {
            case "estado" -> estado = Valores.texto(value);
            case "ubicacion" -> ubicacion = Valores.texto(value);
            case "proveedor" -> proveedor = Valores.texto(value);
            case "marca" -> marca = Valores.texto(value);
            case "modelo" -> modelo = Valores.texto(value);
            case "responsable" -> responsable = Valores.texto(value);
            case "area" -> area = Valores.texto(value);
            case "notas" -> notas = Valores.texto(value);
            case "nombre" -> nombre = Valores.texto(value);
            case "bitlocker" -> bitlocker = Valores.texto(value);
            case "fecha_compra", "garantia_hasta" -> {
                var date = Valores.fecha(value);
                if (date.isEmpty()) {
                    return false;
                }
                if (key.equals("fecha_compra")) {
                    fechaCompra = date.get();
                } else {
                    garantiaHasta = date.get();
                }
            }
            case "precio", "precio_usd" -> {
                var number = Valores.numero(value);
                if (number.isEmpty() || number.get().signum() < 0) {
                    return false;
                }
                precio = number.get().setScale(2, java.math.RoundingMode.HALF_UP);
                moneda = "USD";
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
