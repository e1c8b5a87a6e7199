package org.inventarioti.ops.preflight;

import java.util.Optional;
import org.inventarioti.ops.archive.BackupKeys;
import org.inventarioti.ops.offsite.Offsite;
import org.inventarioti.ops.offsite.OffsiteProperties;
import org.inventarioti.ops.offsite.OffsiteStore;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The preflight check of the off-site copy ({@code INVENTARIO_BACKUP_S3_*}), when a bucket is set:
 * the settings are valid, archives are encrypted (the copy takes no plain archive), and the bucket
 * answers with the SDK's credentials. Names variables, never prints a credential.
 */
final class OffsiteCheck {

    private OffsiteCheck() {}

    static Optional<PreflightCheck> check(Environment environment) {
        return check(environment, DefaultCredentialsProvider.builder().build());
    }

    static Optional<PreflightCheck> check(Environment environment, AwsCredentialsProvider credentials) {
        if (!StringUtils.hasText(environment.getProperty("inventario.backup.s3.bucket"))) {
            return Optional.empty();
        }
        OffsiteProperties properties;
        try {
            properties = Binder.get(environment).bindOrCreate("inventario.backup.s3", OffsiteProperties.class);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return Optional.of(PreflightCheck.fail("offsite", String.valueOf(cause.getMessage())));
        }
        if (!StringUtils.hasText(environment.getProperty(BackupKeys.CURRENT))) {
            return Optional.of(PreflightCheck.fail(
                    "offsite",
                    "INVENTARIO_BACKUP_S3_BUCKET is set but " + BackupKeys.CURRENT
                            + " is not: the off-site copy takes only encrypted archives"));
        }
        try (OffsiteStore store = new Offsite(properties, credentials).open()) {
            store.checkBucket();
            return Optional.of(
                    PreflightCheck.ok("offsite", properties.describe() + " answers with the configured credentials"));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(PreflightCheck.fail(
                    "offsite",
                    properties.describe() + " (INVENTARIO_BACKUP_S3_*, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or"
                            + " the SDK's other credential sources): "
                            + message.replaceAll("\\s+", " ").strip()));
        }
    }
}
