package org.inventarioti.ops.offsite;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The off-site copy ({@code INVENTARIO_BACKUP_S3_*}): a bucket of any S3-compatible store (AWS,
 * MinIO, Ceph, Backblaze), an optional key prefix, the endpoint for a store that is not AWS,
 * path-style addressing for the stores that need it, and the multipart part size. No bucket, no
 * off-site copy. The credentials are not here: the SDK's usual chain reads them
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, a profile, an instance role).
 */
@ConfigurationProperties("inventario.backup.s3")
public record OffsiteProperties(
        @DefaultValue("") String bucket,
        @DefaultValue("") String prefix,
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        @Name("path-style") @DefaultValue("false") boolean pathStyle,
        @Name("part-size-mib") @DefaultValue("16") int partSizeMib) {

    public OffsiteProperties {
        bucket = bucket == null ? "" : bucket.strip();
        prefix = prefix == null ? "" : prefix.strip().replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("INVENTARIO_BACKUP_S3_REGION must not be empty");
        }
        if (partSizeMib < 5 || partSizeMib > 5 * 1024) {
            throw new IllegalArgumentException(
                    "INVENTARIO_BACKUP_S3_PART_SIZE_MIB must be between 5 and 5120 (S3's multipart limits)");
        }
        if (endpoint != null && !"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("INVENTARIO_BACKUP_S3_ENDPOINT must be an http:// or https:// URL");
        }
    }

    /** Settings with a bucket and the defaults for the rest. */
    public static OffsiteProperties of(String bucket, String prefix, URI endpoint) {
        return new OffsiteProperties(bucket, prefix, endpoint, "us-east-1", true, 16);
    }

    public boolean configured() {
        return !bucket.isEmpty();
    }

    public long partSizeBytes() {
        return partSizeMib * 1024L * 1024L;
    }

    /** Where the copies go, for messages: {@code s3://bucket/prefix} and the endpoint (never a credential). */
    public String describe() {
        return "s3://" + bucket + "/" + prefix + (endpoint != null ? " at " + endpoint : "");
    }
}
