package org.inventarioti.ubicaciones;

/**
 * Who uses a place, so that it is not deleted while in use: implemented by the features that
 * point at places (assets located there, check-outs to it).
 */
public interface UsosDeUbicacion {

    /** How many of this user's records name the place ({@code ubicacionId} itself, not its subtree). */
    long usos(long ubicacionId);

    /** What those records are, for the refusal ("activos", "asignaciones abiertas"). */
    String que();
}
