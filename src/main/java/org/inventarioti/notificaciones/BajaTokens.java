package org.inventarioti.notificaciones;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The signed token of an unsubscribe link: the user and the kind, with an HMAC-SHA256 under a key
 * derived from the JWT signing key, so a link needs no login and cannot be forged or turned into
 * another user's. Changing {@code JWT_SECRET} invalidates the links already sent.
 */
@Component
class BajaTokens {

    /** What a valid token names. */
    record Baja(long usuarioId, String tipo) {}

    private final ObjectProvider<SecretKey> jwtKey;

    BajaTokens(ObjectProvider<SecretKey> jwtKey) {
        this.jwtKey = jwtKey;
    }

    boolean disponible() {
        return jwtKey.getIfAvailable() != null;
    }

    String token(long usuarioId, String tipo) {
        String datos = usuarioId + ":" + tipo;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(datos.getBytes(StandardCharsets.UTF_8)) + "."
                + firma(datos);
    }

    Optional<Baja> leer(String token) {
        if (token == null || token.length() > 300 || !disponible()) {
            return Optional.empty();
        }
        int punto = token.indexOf('.');
        if (punto < 1) {
            return Optional.empty();
        }
        String datos;
        try {
            datos = new String(Base64.getUrlDecoder().decode(token.substring(0, punto)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] esperada = firma(datos).getBytes(StandardCharsets.US_ASCII);
        byte[] dada = token.substring(punto + 1).getBytes(StandardCharsets.US_ASCII);
        int dos = datos.indexOf(':');
        if (!MessageDigest.isEqual(esperada, dada) || dos < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Baja(Long.parseLong(datos.substring(0, dos)), datos.substring(dos + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String firma(String datos) {
        try {
            Mac derivar = Mac.getInstance("HmacSHA256");
            derivar.init(new SecretKeySpec(jwtKey.getObject().getEncoded(), "HmacSHA256"));
            byte[] clave = derivar.doFinal("inventario-ti notificaciones baja".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clave, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(datos.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
