package org.inventarioti.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Maps the seed's {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER} and {@code
 * DB_PASS} onto {@code spring.datasource.*}. Without {@code DB_HOST} (and without an explicit
 * {@code spring.datasource.url}) the embedded database is used.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String host = environment.getProperty("DB_HOST");
        if (!StringUtils.hasText(host) || StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put(
                "spring.datasource.url",
                jdbcUrl(
                        host,
                        environment.getProperty("DB_PORT", "5432"),
                        environment.getProperty("DB_NAME", "inventario")));
        putIfSet(properties, "spring.datasource.username", environment.getProperty("DB_USER"));
        putIfSet(properties, "spring.datasource.password", environment.getProperty("DB_PASS"));
        environment.getPropertySources().addFirst(new MapPropertySource("inventarioDatabaseEnvironment", properties));
    }

    public static String jdbcUrl(String host, String port, String database) {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostPart + ":" + port + "/" + database + "?ApplicationName=inventario-ti";
    }

    private static void putIfSet(Map<String, Object> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
