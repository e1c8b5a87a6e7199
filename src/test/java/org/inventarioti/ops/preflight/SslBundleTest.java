package org.inventarioti.ops.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.inventarioti.InventarioApplication;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** TLS terminated by the application itself through an SSL bundle (the alternative to nginx). */
class SslBundleTest {

    @Test
    void theServerSpeaksHttpsWithAPemBundleAndPreflightChecksItsCertificate(@TempDir Path dir) throws Exception {
        Path certificate = Tls.certificado(dir, 120);
        TestDatabase server = TestDatabase.get();
        try (var db = server.scratch();
                var app = new SpringApplicationBuilder(InventarioApplication.class)
                        .run(
                                "--spring.datasource.url=" + db.jdbcUrl(),
                                "--spring.datasource.username=" + server.user(),
                                "--spring.datasource.password=" + server.password(),
                                "--inventario.data-dir=" + dir,
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--server.ssl.bundle=inventario",
                                "--spring.ssl.bundle.pem.inventario.keystore.certificate=file:" + certificate,
                                "--spring.ssl.bundle.pem.inventario.keystore.private-key=file:"
                                        + dir.resolve("privkey.pem"),
                                "--logging.level.root=warn")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "inventario", Certificates.pem(certificate).get(0));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust.getTrustManagers(), null);
            HttpResponse<String> response = HttpClient.newBuilder()
                    .sslContext(ssl)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/healthz"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"ok\"");

            var tls = app.getBean(PreflightService.class).check(Optional.empty(), dir).stream()
                    .filter(c -> c.name().equals("tls"))
                    .findFirst()
                    .orElseThrow();
            assertThat(tls.ok()).as(tls.line()).isTrue();
            assertThat(tls.detail()).contains("SSL bundle inventario valid until");
        }
    }
}
