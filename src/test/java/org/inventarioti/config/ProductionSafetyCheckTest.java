package org.inventarioti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.inventarioti.InventarioApplication;
import org.inventarioti.config.ProductionSafetyCheck.UnsafeProductionConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyCheckTest {

    private static UnsafeProductionConfigurationException startProd(String... properties) {
        return catchThrowableOfType(
                UnsafeProductionConfigurationException.class,
                () -> new SpringApplicationBuilder(InventarioApplication.class)
                        .web(WebApplicationType.NONE)
                        .profiles("prod")
                        .properties(properties)
                        .run()
                        .close());
    }

    @Test
    void withNothingProvisionedEveryProblemIsListed() {
        var refused = startProd("inventario.data-dir=target/prod-check");
        assertThat(refused).isNotNull();
        assertThat(refused.problems())
                .containsExactly(
                        "JWT_SECRET is not set",
                        "No external database is configured (DB_HOST): the embedded database is not allowed in prod");
    }

    @Test
    void weakSecretAndMissingCredentialsAreListedWithoutTheirValues() {
        var refused = startProd("JWT_SECRET=Sh0rtSecretValue", "DB_HOST=db.internal", "DB_NAME=inv");
        assertThat(refused.problems())
                .containsExactly("JWT_SECRET is shorter than 32 bytes", "DB_USER is not set", "DB_PASS is not set");
        assertThat(refused.getMessage()).doesNotContain("Sh0rtSecretValue");
    }

    @Test
    void placeholderSecretsAreRefused() {
        assertThat(ProductionSafetyCheck.jwtSecretProblem("changeme-changeme-changeme-changeme-123"))
                .contains("JWT_SECRET looks like a placeholder or is too repetitive");
        assertThat(ProductionSafetyCheck.jwtSecretProblem("a".repeat(40)))
                .contains("JWT_SECRET looks like a placeholder or is too repetitive");
    }

    @Test
    void aProvisionedEnvironmentHasNoProblems() {
        var environment = new MockEnvironment()
                .withProperty("inventario.jwt.secret", "q8F2m0ZrV7tLx3Kd9PjWcN4hYb6GsE1u")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/inventario")
                .withProperty("spring.datasource.username", "inventario")
                .withProperty("spring.datasource.password", "x9-long-db-password");
        assertThat(ProductionSafetyCheck.problems(environment)).isEmpty();
    }

    @Test
    void dbVariablesBecomeTheDatasource() {
        var environment = new org.springframework.core.env.StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "env",
                        java.util.Map.of(
                                "DB_HOST",
                                "db.internal",
                                "DB_PORT",
                                "6543",
                                "DB_NAME",
                                "inv",
                                "DB_USER",
                                "u",
                                "DB_PASS",
                                "p")));
        new DatabaseEnvironment().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db.internal:6543/inv?ApplicationName=inventario-ti");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("u");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("p");
    }
}
