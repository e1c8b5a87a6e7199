package org.inventarioti.etiquetas;

/** What a label shows: the QR code of the asset's URL, and its codigo, nombre and serial number. */
record Etiqueta(String codigo, String nombre, String numeroSerie, String url) {}
