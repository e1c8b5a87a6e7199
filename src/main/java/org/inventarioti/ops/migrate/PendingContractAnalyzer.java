package org.inventarioti.ops.migrate;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class PendingContractAnalyzer extends AbstractFailureAnalyzer<PendingContractException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PendingContractException cause) {
        return new FailureAnalysis(
                "Refusing to start: " + cause.getMessage(),
                "Run `inventario maintenance run --dry-run` to see the steps, then `inventario maintenance run`"
                        + " (or ops/run_full_maintenance.sh). The playbook is ops/maintenance_playbook.md.",
                cause);
    }
}
