package org.inventarioti.importacion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.inventarioti.categorias.ClavesEspecificacion;
import org.inventarioti.secretos.DetectorSecretos;

/**
 * {@link ClavesEspecificacion}'s rules, remembered per key: a legacy database repeats the same few
 * keys and estado spellings on every row, and normalising them is most of an import's CPU.
 */
final class Claves {

    private static final int MAX = 50_000;
    private static final Map<String, String> NORMALIZADAS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> SENSIBLES = new ConcurrentHashMap<>();
    private static final Map<String, String> VALORES = new ConcurrentHashMap<>();

    private Claves() {}

    static String normalizar(String key) {
        String known = NORMALIZADAS.get(key);
        if (known != null) {
            return known;
        }
        String normalized = ClavesEspecificacion.normalizar(key);
        if (NORMALIZADAS.size() < MAX) {
            NORMALIZADAS.put(key, normalized);
        }
        return normalized;
    }

    /** Whether the key, once normalised, names a secret. */
    static boolean sensible(String key) {
        Boolean known = SENSIBLES.get(key);
        if (known != null) {
            return known;
        }
        boolean sensitive = DetectorSecretos.claveSensible(key);
        if (SENSIBLES.size() < MAX) {
            SENSIBLES.put(key, sensitive);
        }
        return sensitive;
    }

    /** {@link Valores#clave} remembered (estado spellings, category names). */
    static String valor(String text) {
        String known = VALORES.get(text);
        if (known != null) {
            return known;
        }
        String key = Valores.claveSinMemoria(text);
        if (VALORES.size() < MAX) {
            VALORES.put(text, key);
        }
        return key;
    }
}
