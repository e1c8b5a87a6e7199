package org.inventarioti.reportes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detail report as a file: the asset's fields named in the reader's language, then one
 * {@code spec.<key>} column per especificaciones key ({@link ColumnasEspecificacion}), row by row.
 */
@Component
class ExportacionDetalle {

    private final ReporteService service;
    private final MessageSource messages;
    private final JsonMapper json;

    ExportacionDetalle(ReporteService service, MessageSource messages, JsonMapper json) {
        this.service = service;
        this.messages = messages;
        this.json = json;
    }

    /** {@code xlsx}: Excel (sheet named {@code hoja}), otherwise CSV. */
    void escribir(FiltroReporte filtro, boolean xlsx, String hoja, Locale locale, OutputStream out) throws IOException {
        Escritura escritura = new Escritura(xlsx, hoja, locale, out);
        try {
            service.recorrerDetalle(filtro, escritura::abrir, escritura::fila);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            escritura.cerrar();
        }
    }

    private final class Escritura {
        private final boolean xlsx;
        private final String hoja;
        private final Locale locale;
        private final OutputStream out;
        private ColumnasEspecificacion columnas;
        private Exportacion tabla;

        Escritura(boolean xlsx, String hoja, Locale locale, OutputStream out) {
            this.xlsx = xlsx;
            this.hoja = hoja;
            this.locale = locale;
            this.out = out;
        }

        void abrir(ColumnasEspecificacion columnas) {
            this.columnas = columnas;
            String[] campos = Arrays.stream(FilaDetalle.CLAVES)
                    .filter(k -> !k.equals("especificaciones"))
                    .map(k -> messages.getMessage("reportes.columna." + k, null, locale))
                    .toArray(String[]::new);
            String[] cabecera = Stream.concat(Arrays.stream(campos), Arrays.stream(columnas.cabecera()))
                    .toArray(String[]::new);
            try {
                tabla = xlsx ? Exportacion.xlsx(out, hoja, cabecera) : Exportacion.csv(out, cabecera);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void fila(FilaDetalle fila) {
            try {
                tabla.fila(columnas.valores(fila, json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void cerrar() throws IOException {
            if (tabla != null) {
                tabla.close();
            }
        }
    }
}
