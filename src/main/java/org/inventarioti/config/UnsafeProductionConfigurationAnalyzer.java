package org.inventarioti.config;

import org.inventarioti.config.ProductionSafetyCheck.UnsafeProductionConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

class UnsafeProductionConfigurationAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionConfigurationException cause) {
        StringBuilder description = new StringBuilder("The prod profile refuses to start:\n");
        cause.problems()
                .forEach(problem -> description.append("  - ").append(problem).append('\n'));
        return new FailureAnalysis(
                description.toString(),
                "Provision the secrets in the environment file (see ops/provision_secrets.md) and check them"
                        + " with `inventario preflight`.",
                cause);
    }
}
