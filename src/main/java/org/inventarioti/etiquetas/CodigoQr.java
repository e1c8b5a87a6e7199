package org.inventarioti.etiquetas;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code as its grid of modules (true = dark), without quiet zone: the SVG and the PDF draw
 * it as vector squares, so it stays sharp at any print size. Error correction M survives a
 * scratched label.
 */
record CodigoQr(BitMatrix modulos) {

    /** Modules of white border every reader expects around the code. */
    static final int MARGEN = 4;

    static CodigoQr de(String texto) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            texto,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    0,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            return new CodigoQr(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for this text", e);
        }
    }

    int lado() {
        return modulos.getWidth();
    }

    boolean oscuro(int x, int y) {
        return modulos.get(x, y);
    }

    /** The code as an SVG image, one path of horizontal runs, with its quiet zone. */
    String svg() {
        int size = lado() + 2 * MARGEN;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < lado(); y++) {
            int x = 0;
            while (x < lado()) {
                if (!oscuro(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < lado() && oscuro(x, y)) {
                    x++;
                }
                path.append('M')
                        .append(start + MARGEN)
                        .append(' ')
                        .append(y + MARGEN)
                        .append('h')
                        .append(x - start)
                        .append("v1h-")
                        .append(x - start)
                        .append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + size + "\" height=\"" + size
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
