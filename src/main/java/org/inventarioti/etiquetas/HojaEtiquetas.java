package org.inventarioti.etiquetas;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes labels as a PDF: each label has its QR code on the left (drawn as vector squares) and
 * codigo, nombre and serial number on the right, shortened to fit.
 */
final class HojaEtiquetas {

    private static final float RELLENO = FormatoEtiqueta.mm(2.5f);

    private HojaEtiquetas() {}

    static void escribir(List<Etiqueta> etiquetas, FormatoEtiqueta formato, String prefijoSerie, OutputStream out) {
        Document document = new Document(formato.pagina, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Inventario-TI");
            document.addCreator("Inventario-TI");
            document.open();
            BaseFont negrita = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, false);
            BaseFont normal = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, false);
            PdfContentByte canvas = writer.getDirectContent();
            float margenX = (formato.pagina.getWidth() - formato.columnas * formato.ancho) / 2;
            float margenY = (formato.pagina.getHeight() - formato.filas * formato.alto) / 2;
            for (int i = 0; i < etiquetas.size(); i++) {
                int enPagina = i % formato.porPagina();
                if (i > 0 && enPagina == 0) {
                    document.newPage();
                }
                float x = margenX + (enPagina % formato.columnas) * formato.ancho;
                float top = formato.pagina.getHeight() - margenY - (enPagina / formato.columnas) * formato.alto;
                dibujar(canvas, etiquetas.get(i), x, top - formato.alto, formato, negrita, normal, prefijoSerie);
            }
            if (etiquetas.isEmpty()) {
                canvas.beginText();
                canvas.setFontAndSize(normal, 10);
                canvas.showTextAligned(PdfContentByte.ALIGN_LEFT, "-", RELLENO, RELLENO, 0);
                canvas.endText();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dibujar(
            PdfContentByte canvas,
            Etiqueta etiqueta,
            float x,
            float y,
            FormatoEtiqueta formato,
            BaseFont negrita,
            BaseFont normal,
            String prefijoSerie) {
        float lado = formato.alto - 2 * RELLENO;
        CodigoQr qr = CodigoQr.de(etiqueta.url());
        float modulo = lado / (qr.lado() + 2 * CodigoQr.MARGEN);
        float qrX = x + RELLENO;
        float qrY = y + RELLENO;
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < qr.lado(); row++) {
            for (int col = 0; col < qr.lado(); col++) {
                if (qr.oscuro(col, row)) {
                    float mx = qrX + (col + CodigoQr.MARGEN) * modulo;
                    float my = qrY + lado - (row + CodigoQr.MARGEN + 1) * modulo;
                    canvas.rectangle(mx, my, modulo, modulo);
                }
            }
        }
        canvas.fill();

        float textX = qrX + lado + RELLENO / 2;
        float ancho = x + formato.ancho - RELLENO - textX;
        float tamano = formato == FormatoEtiqueta.A4 ? 9 : 8;
        float linea = tamano * 1.3f;
        float textY = y + formato.alto - RELLENO - tamano;
        canvas.beginText();
        canvas.setFontAndSize(negrita, tamano + 1);
        canvas.showTextAligned(
                PdfContentByte.ALIGN_LEFT, ajustar(etiqueta.codigo(), negrita, tamano + 1, ancho), textX, textY, 0);
        canvas.setFontAndSize(normal, tamano);
        List<String> nombre = lineas(etiqueta.nombre(), normal, tamano, ancho, 2);
        for (int i = 0; i < nombre.size(); i++) {
            canvas.showTextAligned(PdfContentByte.ALIGN_LEFT, nombre.get(i), textX, textY - linea * (i + 1), 0);
        }
        String serie = prefijoSerie + " " + (etiqueta.numeroSerie() == null ? "" : etiqueta.numeroSerie());
        canvas.showTextAligned(
                PdfContentByte.ALIGN_LEFT, ajustar(serie, normal, tamano, ancho), textX, y + RELLENO + 1, 0);
        canvas.endText();
    }

    /** The text cut with an ellipsis so that it fits {@code ancho}. */
    static String ajustar(String texto, BaseFont font, float size, float ancho) {
        String limpio = texto == null ? "" : texto.replaceAll("\\s+", " ").strip();
        if (font.getWidthPoint(limpio, size) <= ancho) {
            return limpio;
        }
        String cortado = limpio;
        while (!cortado.isEmpty() && font.getWidthPoint(cortado + "…", size) > ancho) {
            cortado = cortado.substring(0, cortado.length() - 1);
        }
        return cortado.stripTrailing() + "…";
    }

    /** Word-wraps into at most {@code max} lines, the last one shortened if needed. */
    static List<String> lineas(String texto, BaseFont font, float size, float ancho, int max) {
        String limpio = texto == null ? "" : texto.replaceAll("\\s+", " ").strip();
        java.util.List<String> lineas = new java.util.ArrayList<>();
        String resto = limpio;
        while (!resto.isEmpty() && lineas.size() < max - 1) {
            int corte = resto.length();
            while (corte > 0 && font.getWidthPoint(resto.substring(0, corte), size) > ancho) {
                int espacio = resto.lastIndexOf(' ', corte - 1);
                corte = espacio > 0 ? espacio : corte - 1;
            }
            if (corte == 0) {
                break;
            }
            lineas.add(resto.substring(0, corte).strip());
            resto = resto.substring(corte).strip();
        }
        if (!resto.isEmpty()) {
            lineas.add(ajustar(resto, font, size, ancho));
        }
        return lineas;
    }
}
