package org.inventarioti.ops.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads certificate chains and says whether they stay valid long enough. */
final class Certificates {

    static final Duration MARGIN = Duration.ofDays(30);

    private Certificates() {}

    static List<X509Certificate> pem(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new CertificateException("no certificate in " + file);
            }
            return chain;
        }
    }

    static List<X509Certificate> keyStore(KeyStore store) throws KeyStoreException {
        List<X509Certificate> chain = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            Certificate[] certificates = store.getCertificateChain(alias);
            if (certificates == null && store.getCertificate(alias) != null) {
                certificates = new Certificate[] {store.getCertificate(alias)};
            }
            if (certificates != null) {
                for (Certificate certificate : certificates) {
                    chain.add((X509Certificate) certificate);
                }
            }
        }
        return chain;
    }

    /** Null when every certificate is valid now and for {@link #MARGIN} more; the problem otherwise. */
    static String problem(List<X509Certificate> chain, Instant now) {
        if (chain.isEmpty()) {
            return "no certificate found";
        }
        for (X509Certificate certificate : chain) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            String subject = certificate.getSubjectX500Principal().getName();
            if (certificate.getNotBefore().toInstant().isAfter(now)) {
                return subject + " is not valid before "
                        + certificate.getNotBefore().toInstant();
            }
            if (notAfter.isBefore(now.plus(MARGIN))) {
                return subject + " expires " + notAfter + " (less than " + MARGIN.toDays() + " days)";
            }
        }
        return null;
    }

    static Instant expiry(List<X509Certificate> chain) {
        return chain.stream()
                .map(c -> c.getNotAfter().toInstant())
                .min(Instant::compareTo)
                .orElseThrow();
    }
}
