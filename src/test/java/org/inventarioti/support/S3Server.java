package org.inventarioti.support;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.inventarioti.ops.offsite.Offsite;
import org.inventarioti.ops.offsite.OffsiteProperties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the off-site backup tests: Adobe's S3Mock, its standalone jar
 * (copied to {@code target/s3mock/} by the build) started once per test JVM as a separate process on
 * 127.0.0.1 and a free port, with its store in a temporary folder; stopped when the JVM exits.
 */
public final class S3Server {

    private static final Path JAR = Processes.ROOT.resolve("target/s3mock/s3mock.jar");
    private static S3Server running;

    private final URI endpoint;
    private final Process process;

    private S3Server(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    public static synchronized S3Server get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new empty bucket, so tests do not see each other's objects. */
    public String bucket() {
        String bucket = "t-" + UUID.randomUUID().toString().substring(0, 13);
        try (S3Client s3 = client()) {
            s3.createBucket(r -> r.bucket(bucket));
        }
        return bucket;
    }

    /** Settings for {@code bucket}, path-style, 5 MiB parts. */
    public OffsiteProperties properties(String bucket, String prefix) {
        return new OffsiteProperties(bucket, prefix, endpoint, "us-east-1", true, 5);
    }

    public Offsite offsite(String bucket, String prefix) {
        return new Offsite(properties(bucket, prefix), credentials());
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access", "test-secret"));
    }

    /** A plain SDK client, for the tests' own look at the bucket. */
    public S3Client client() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .build();
    }

    private static S3Server start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build copies it in process-test-resources"
                    + " (run the tests through Maven)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path root = Files.createTempDirectory("inventario-s3mock-");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(List.of(
                            java,
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-XX:+UseSerialGC",
                            "-jar",
                            JAR.toString(),
                            "--com.adobe.testing.s3mock.httpPort=" + port,
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--com.adobe.testing.s3mock.store.root=" + root,
                            "--com.adobe.testing.s3mock.store.retainFilesOnExit=false"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Mock exited:\n" + Files.readString(log));
                }
                try {
                    HttpURLConnection connection =
                            (HttpURLConnection) endpoint.toURL().openConnection();
                    connection.setConnectTimeout(1000);
                    connection.getResponseCode();
                    connection.disconnect();
                    return new S3Server(endpoint, process);
                } catch (IOException notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        process.destroyForcibly();
                        throw new IllegalStateException("S3Mock did not start in 90 s:\n" + Files.readString(log));
                    }
                    Thread.sleep(250);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
