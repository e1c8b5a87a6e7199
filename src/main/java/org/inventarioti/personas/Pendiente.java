package org.inventarioti.personas;

/** A free text the V45 migration left unlinked ({@code campo} responsable or ubicacion), why, and on how many assets. */
public record Pendiente(String campo, String texto, String motivo, int activos) {}
