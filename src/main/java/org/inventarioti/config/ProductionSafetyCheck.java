package org.inventarioti.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * In the {@code prod} profile refuses to start, before anything else happens, when a secret is
 * missing or weak or the embedded database would be used. Lists every problem at once and never
 * prints a value.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor, Ordered {

    public static final int MIN_JWT_SECRET_BYTES = 32;
    private static final List<String> PLACEHOLDERS =
            List.of("changeme", "change-me", "change_me", "secret", "password", "example", "<");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles("prod")) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionConfigurationException(problems);
        }
    }

    public static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        jwtSecretProblem(environment.getProperty("inventario.jwt.secret")).ifPresent(problems::add);
        if (EmbeddedDatabaseConfiguration.isEmbedded(environment)) {
            problems.add("No external database is configured (DB_HOST): the embedded database is not allowed in prod");
        } else {
            if (!StringUtils.hasText(environment.getProperty("spring.datasource.username"))) {
                problems.add("DB_USER is not set");
            }
            if (!StringUtils.hasText(environment.getProperty("spring.datasource.password"))) {
                problems.add("DB_PASS is not set");
            }
        }
        return problems;
    }

    public static java.util.Optional<String> jwtSecretProblem(String secret) {
        if (!StringUtils.hasText(secret)) {
            return java.util.Optional.of("JWT_SECRET is not set");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_JWT_SECRET_BYTES) {
            return java.util.Optional.of("JWT_SECRET is shorter than " + MIN_JWT_SECRET_BYTES + " bytes");
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains)
                || secret.chars().distinct().count() < 8) {
            return java.util.Optional.of("JWT_SECRET looks like a placeholder or is too repetitive");
        }
        return java.util.Optional.empty();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Thrown at start-up; {@link UnsafeProductionConfigurationAnalyzer} prints it for the operator. */
    public static class UnsafeProductionConfigurationException extends IllegalStateException {
        private final List<String> problems;

        UnsafeProductionConfigurationException(List<String> problems) {
            super("Refusing to start in prod: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
