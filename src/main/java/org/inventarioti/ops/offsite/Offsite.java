package org.inventarioti.ops.offsite;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The off-site copy's settings and credentials; {@link #open()} connects. The credentials come from
 * the SDK's default chain (environment, profile, container or instance role) and are never logged.
 */
@Component
public class Offsite {

    private final OffsiteProperties properties;
    private final AwsCredentialsProvider credentials;

    @Autowired
    Offsite(OffsiteProperties properties) {
        this(properties, DefaultCredentialsProvider.builder().build());
    }

    /** With explicit credentials (tests, tools). */
    public Offsite(OffsiteProperties properties, AwsCredentialsProvider credentials) {
        this.properties = properties;
        this.credentials = credentials;
    }

    /** For commands that run without the application context. */
    public static Offsite fromEnvironment(Environment environment) {
        OffsiteProperties properties =
                Binder.get(environment).bindOrCreate("inventario.backup.s3", OffsiteProperties.class);
        return new Offsite(properties);
    }

    public OffsiteProperties properties() {
        return properties;
    }

    public boolean configured() {
        return properties.configured();
    }

    public OffsiteStore open() {
        if (!configured()) {
            throw new IllegalStateException("no off-site copy configured (INVENTARIO_BACKUP_S3_BUCKET)");
        }
        return new OffsiteStore(properties, credentials);
    }

    /**
     * An upload of the archive {@code name} fed while the backup writes it; {@code connecting} is
     * the connection being opened meanwhile (the first part waits for it, the backup does not).
     */
    public StreamingUpload startUpload(java.util.concurrent.CompletableFuture<OffsiteStore> connecting, String name) {
        return new StreamingUpload(
                connecting,
                new S3Address(properties.bucket(), properties.prefix() + name),
                properties.partSizeBytes(),
                StreamingUpload.PARTS_IN_FLIGHT);
    }

    /** A connection for an address that may name another bucket of the same store. */
    public OffsiteStore open(S3Address address) {
        OffsiteProperties p = properties;
        return new OffsiteStore(
                new OffsiteProperties(
                        address.bucket(), p.prefix(), p.endpoint(), p.region(), p.pathStyle(), p.partSizeMib()),
                credentials);
    }
}
