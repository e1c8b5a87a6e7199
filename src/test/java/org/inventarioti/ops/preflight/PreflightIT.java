package org.inventarioti.ops.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.inventarioti.support.Processes;
import org.inventarioti.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** `inventario preflight` from the packaged jar: every problem listed, exit 1, no secret printed. */
class PreflightIT {

    @Test
    void listsEveryProblemWithoutPrintingSecrets() throws Exception {
        TestDatabase server = TestDatabase.get();
        Map<String, String> env = new HashMap<>(server.env("postgres"));
        env.put("DB_PASS", "Secret-Db-Pass-4711");
        env.put("JWT_SECRET", "short-Secret-99");
        env.put("SENTRY_DSN", "not-a-dsn-Secret-Key");
        var result = Processes.run(
                List.of("java", "-jar", Processes.JAR.toString(), "preflight", "--release", "target/missing.jar"),
                env,
                Duration.ofSeconds(90));
        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("FAIL  secrets: JWT_SECRET is shorter than 32 bytes")
                .contains("OK    database: connected to postgres")
                .contains("FAIL  sentry")
                .contains("FAIL  release: target/missing.jar does not exist")
                .contains("Preflight FAILED: 3 problem(s).")
                .doesNotContain("Secret-Db-Pass-4711", "short-Secret-99", "not-a-dsn-Secret-Key");
    }
}
