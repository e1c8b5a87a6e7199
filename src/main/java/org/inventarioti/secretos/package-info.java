/**
 * Shared infrastructure: the one secret detector ({@link org.inventarioti.secretos.DetectorSecretos})
 * every entity's validation and the importers use. Knows no feature and no HTTP.
 */
package org.inventarioti.secretos;
