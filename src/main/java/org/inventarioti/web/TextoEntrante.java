package org.inventarioti.web;

import java.util.Set;

/**
 * What the front door accepts as text: no control characters (C0, DEL, C1) and no lone UTF-16
 * surrogates; tab, line feed and carriage return only in fields that hold multi-line text. Names
 * that carry a refused character are quoted with it escaped, so an error never echoes it raw.
 */
final class TextoEntrante {

    /** Fields (form parameters, JSON members) whose text may span lines (the plan form's checklist: one task per line). */
    static final Set<String> MULTILINEA = Set.of("notas", "descripcion", "esquema", "checklist");

    /** JSON members under which every text may span lines: free-form objects. */
    static final Set<String> ARBOLES_MULTILINEA = Set.of("especificaciones", "esquema");

    private TextoEntrante() {}

    /** Whether {@code text} holds a character no field accepts (or a line break where none may be). */
    static boolean rechazado(String text, boolean multilinea) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (!(c == '\t' || (multilinea && (c == '\n' || c == '\r')))) {
                    return true;
                }
            } else if (c >= 0x7f && c <= 0x9f) {
                return true;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** For header values, decoded by the server as ISO-8859-1: C0 controls (but tab) and DEL. */
    static boolean rechazadoEnCabecera(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** A name safe to put in an error: control characters and lone surrogates as {@code \\uXXXX}, cut at 100. */
    static String citar(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 100; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
