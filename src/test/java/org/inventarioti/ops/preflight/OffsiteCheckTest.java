package org.inventarioti.ops.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.inventarioti.support.S3Server;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** preflight's off-site check against a real S3-compatible server (S3Mock): bucket, key, settings, no secret printed. */
class OffsiteCheckTest {

    static final S3Server S3 = S3Server.get();
    static final String SECRET = "sEcReT-9x81-never-printed";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("preflight-id", SECRET));

    private static MockEnvironment env(String bucket) {
        return new MockEnvironment()
                .withProperty("inventario.backup.s3.bucket", bucket)
                .withProperty("inventario.backup.s3.endpoint", S3.endpoint().toString())
                .withProperty("inventario.backup.s3.path-style", "true")
                .withProperty("INVENTARIO_BACKUP_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    }

    @Test
    void noBucketNoCheck() {
        assertThat(OffsiteCheck.check(new MockEnvironment(), CREDENTIALS)).isEmpty();
    }

    @Test
    void anAnsweringBucketPasses() {
        PreflightCheck check = OffsiteCheck.check(env(S3.bucket()), CREDENTIALS).orElseThrow();
        assertThat(check.ok()).as(check.detail()).isTrue();
        assertThat(check.detail()).contains("answers").doesNotContain(SECRET);
    }

    @Test
    void aMissingBucketFailsWithoutPrintingTheSecret() {
        PreflightCheck check =
                OffsiteCheck.check(env("no-such-bucket-x1"), CREDENTIALS).orElseThrow();
        assertThat(check.ok()).isFalse();
        assertThat(check.detail())
                .contains("s3://no-such-bucket-x1/", "AWS_ACCESS_KEY_ID")
                .doesNotContain(SECRET);
    }

    @Test
    void noArchiveKeyFails() {
        MockEnvironment env = env(S3.bucket());
        env.setProperty("INVENTARIO_BACKUP_KEY", "");
        PreflightCheck check = OffsiteCheck.check(env, CREDENTIALS).orElseThrow();
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("takes only encrypted archives");
    }

    @Test
    void badSettingsFailNamingTheVariable() {
        MockEnvironment env = env(S3.bucket()).withProperty("inventario.backup.s3.part-size-mib", "1");
        PreflightCheck check = OffsiteCheck.check(env, CREDENTIALS).orElseThrow();
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("INVENTARIO_BACKUP_S3_PART_SIZE_MIB");
    }
}
