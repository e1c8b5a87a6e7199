package org.inventarioti.etiquetas;

import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import org.inventarioti.errors.MalformedException;

/**
 * Label sizes: an A4 sheet of 3 × 8 labels of 70 × 37 mm (the common adhesive sheets), or one
 * small 62 × 29 mm label per page for label printers.
 */
enum FormatoEtiqueta {
    A4(PageSize.A4, 3, 8, 70, 37.125f),
    PEQUENA(new Rectangle(mm(62), mm(29)), 1, 1, 62, 29);

    final Rectangle pagina;
    final int columnas;
    final int filas;
    final float ancho;
    final float alto;

    FormatoEtiqueta(Rectangle pagina, int columnas, int filas, float anchoMm, float altoMm) {
        this.pagina = pagina;
        this.columnas = columnas;
        this.filas = filas;
        this.ancho = mm(anchoMm);
        this.alto = mm(altoMm);
    }

    int porPagina() {
        return columnas * filas;
    }

    static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    static FormatoEtiqueta de(String nombre) {
        if (nombre == null || nombre.isBlank()) {
            return A4;
        }
        for (FormatoEtiqueta formato : values()) {
            if (formato.name().equalsIgnoreCase(nombre.strip())) {
                return formato;
            }
        }
        throw new MalformedException("Unknown label format: use a4 or pequena", "formato");
    }
}
