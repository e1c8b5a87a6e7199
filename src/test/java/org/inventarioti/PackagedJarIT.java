package org.inventarioti;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.inventarioti.ops.release.AppVersion;
import org.inventarioti.support.Processes;
import org.junit.jupiter.api.Test;

/** The packaged jar as an operator runs it. */
class PackagedJarIT {

    @Test
    void theWrapperRunsTheCliWithoutAServer() throws Exception {
        var result = Processes.run(List.of("bin/inventario", "version"), Map.of(), Duration.ofSeconds(60));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Inventario-TI " + AppVersion.get())
                .doesNotContain("Tomcat");
    }

    @Test
    void prodWithoutSecretsExitsNonZeroListingEveryProblem() throws Exception {
        var result = Processes.run(
                List.of("java", "-jar", Processes.JAR.toString(), "--spring.profiles.active=prod"),
                Map.of("JWT_SECRET", "tooShortSecretValue"),
                Duration.ofSeconds(60));
        assertThat(result.exit()).isNotZero();
        assertThat(result.output())
                .contains("The prod profile refuses to start")
                .contains("JWT_SECRET is shorter than 32 bytes")
                .contains("the embedded database is not allowed in prod")
                .doesNotContain("tooShortSecretValue");
    }
}
