package org.inventarioti.ops.preflight;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates made with openssl, laid out as certbot leaves them. */
final class Tls {

    private Tls() {}

    /** Writes {@code fullchain.pem} and {@code privkey.pem} into {@code dir}, valid for {@code days}. */
    static Path certificado(Path dir, int days) throws Exception {
        Process process = new ProcessBuilder(List.of(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-keyout",
                        dir.resolve("privkey.pem").toString(),
                        "-out",
                        dir.resolve("fullchain.pem").toString(),
                        "-days",
                        Integer.toString(days),
                        "-subj",
                        "/CN=localhost",
                        "-addext",
                        "subjectAltName=DNS:localhost,IP:127.0.0.1"))
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("openssl failed");
        }
        return dir.resolve("fullchain.pem");
    }
}
