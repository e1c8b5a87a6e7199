package org.inventarioti.asignaciones;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Draws a hand-over receipt (acta de entrega / acta de devolución) in Spanish: number, date, the
 * other party (the person with employee number, área and cargo, or the place or asset), one row per
 * asset with code, description, serial, condition and notes, and signature lines for both parties.
 */
final class ActaPdf {

    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ActaPdf() {}

    static byte[] dibujar(Acta acta, ZoneId zona) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            boolean entrega = acta.tipo().equals(Acta.ENTREGA);
            String titulo = entrega ? "Acta de entrega de equipos" : "Acta de devolución de equipos";
            document.addTitle(titulo + " nº " + acta.id());
            document.addCreator("Inventario-TI");
            document.open();
            BaseFont normal = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, false);
            BaseFont negrita = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, false);
            Font texto = new Font(normal, 10);
            Font fuerte = new Font(negrita, 10);
            document.add(new Paragraph(titulo, new Font(negrita, 16)));
            document.add(new Paragraph(
                    "Nº " + acta.id() + " · " + FECHA.format(acta.emitidaEn().atZoneSameInstant(zona))
                            + " · registrada por " + acta.emitidaPor(),
                    texto));
            Acta.Linea titular = acta.titular();
            Paragraph parte = new Paragraph();
            parte.setSpacingBefore(12);
            if (titular != null && titular.persona() != null) {
                parte.add(new Phrase((entrega ? "Recibe: " : "Devuelve: ") + titular.persona(), fuerte));
                parte.add(new Phrase(
                        detalle("nº de empleado", titular.numeroEmpleado())
                                + detalle("área", titular.area())
                                + detalle("cargo", titular.cargo()),
                        texto));
            } else if (titular != null) {
                parte.add(new Phrase((entrega ? "Destino: " : "Procedencia: ") + titular.destino(), fuerte));
            } else {
                parte.add(new Phrase("Varios destinatarios: ver cada equipo.", fuerte));
            }
            document.add(parte);
            document.add(tabla(acta, entrega, titular == null, texto, fuerte));
            document.add(new Paragraph(
                    entrega
                            ? "Quien recibe declara recibir los equipos listados en el estado indicado y se compromete"
                                    + " a su custodia y devolución."
                            : "Se registra la devolución de los equipos listados en el estado indicado.",
                    texto));
            document.add(firmas(acta, entrega, titular, texto));
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PdfPTable tabla(Acta acta, boolean entrega, boolean conDestino, Font texto, Font fuerte) {
        java.util.List<String> columnas = new java.util.ArrayList<>(
                java.util.List.of("Código", "Equipo", "Nº de serie", "Estado físico", "Notas"));
        if (entrega) {
            columnas.add("Devolución prevista");
        }
        if (conDestino) {
            columnas.add(entrega ? "Entregado a" : "Tenía");
        }
        PdfPTable tabla = new PdfPTable(columnas.size());
        float[] anchos = new float[columnas.size()];
        float[] base = {1.3f, 2.6f, 1.9f, 1.1f, 2f, 1.3f, 2f};
        for (int i = 0; i < anchos.length; i++) {
            anchos[i] = i < 5 ? base[i] : (entrega && i == 5 ? base[5] : base[6]);
        }
        tabla.setWidths(anchos);
        tabla.setWidthPercentage(100);
        tabla.setSpacingBefore(12);
        tabla.setSpacingAfter(12);
        tabla.setHeaderRows(1);
        columnas.forEach(c -> tabla.addCell(celda(c, fuerte)));
        for (Acta.Linea l : acta.lineas()) {
            tabla.addCell(celda(l.codigo(), texto));
            tabla.addCell(celda(
                    l.nombre()
                            + (l.marca() == null ? "" : " " + l.marca())
                            + (l.modelo() == null ? "" : " " + l.modelo()),
                    texto));
            tabla.addCell(celda(l.numeroSerie(), texto));
            tabla.addCell(celda(l.condicion(), texto));
            tabla.addCell(celda(l.notas() == null ? "" : l.notas(), texto));
            if (entrega) {
                tabla.addCell(celda(
                        l.devolucionPrevista() == null
                                ? ""
                                : l.devolucionPrevista().toString(),
                        texto));
            }
            if (conDestino) {
                tabla.addCell(celda(l.destino(), texto));
            }
        }
        return tabla;
    }

    private static PdfPTable firmas(Acta acta, boolean entrega, Acta.Linea titular, Font texto) {
        PdfPTable firmas = new PdfPTable(2);
        firmas.setWidthPercentage(100);
        firmas.setSpacingBefore(48);
        String persona = titular != null && titular.persona() != null ? titular.persona() : "";
        String[] partes = entrega
                ? new String[] {"Entrega: " + acta.emitidaPor(), "Recibe: " + persona}
                : new String[] {"Devuelve: " + persona, "Recibe: " + acta.emitidaPor()};
        for (String parte : partes) {
            PdfPCell cell = new PdfPCell(new Phrase("______________________________\nFirma\n" + parte, texto));
            cell.setBorder(PdfPCell.NO_BORDER);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            firmas.addCell(cell);
        }
        return firmas;
    }

    private static PdfPCell celda(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        return cell;
    }

    private static String detalle(String etiqueta, String valor) {
        return valor == null ? "" : " · " + etiqueta + ": " + valor;
    }
}
