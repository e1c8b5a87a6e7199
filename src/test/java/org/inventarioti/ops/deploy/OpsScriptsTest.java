package org.inventarioti.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.inventarioti.support.Processes;
import org.junit.jupiter.api.Test;

/** The seed's script names answer --help and refuse what they do not understand. */
class OpsScriptsTest {

    @Test
    void everyScriptHasHelpAndRefusesUnknownOptions() throws Exception {
        for (String script :
                List.of("deploy/remote_deploy.sh", "ops/run_full_maintenance.sh", "ops/execute_final_migration.sh")) {
            var help = Processes.run(List.of(script, "--help"), Map.of(), Duration.ofSeconds(20));
            assertThat(help.exit()).as(script).isZero();
            assertThat(help.output()).as(script).contains("usage: " + script, "--dry-run", "--root");
            var unknown = Processes.run(List.of(script, "--frobnicate"), Map.of(), Duration.ofSeconds(20));
            assertThat(unknown.exit()).as(script).isEqualTo(2);
        }
    }

    @Test
    void aReleaseThatIsNeitherJarVersionNorRefIsRefused() throws Exception {
        var result = Processes.run(
                List.of("deploy/remote_deploy.sh", "no-such-ref-or-jar", "--dry-run"),
                Map.of("INVENTARIO_ROOT", "target/no-root", "INVENTARIO_ENV_FILE", "/nonexistent"),
                Duration.ofSeconds(20));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("is not a jar, an installed release");
    }
}
