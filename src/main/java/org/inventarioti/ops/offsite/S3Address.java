package org.inventarioti.ops.offsite;

/** An object of a bucket, written {@code s3://bucket/key}. */
public record S3Address(String bucket, String key) {

    public static final String SCHEME = "s3://";

    public S3Address {
        if (bucket == null || bucket.isBlank() || key == null || key.isBlank() || key.endsWith("/")) {
            throw new IllegalArgumentException("an off-site archive is s3://bucket/key, with a bucket and a key");
        }
    }

    public static boolean isAddress(String text) {
        return text != null && text.startsWith(SCHEME);
    }

    public static S3Address parse(String text) {
        if (!isAddress(text)) {
            throw new IllegalArgumentException("not an s3:// address: " + text);
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("an off-site archive is s3://bucket/key, with a bucket and a key");
        }
        return new S3Address(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The key's last segment: the archive's file name. */
    public String name() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
