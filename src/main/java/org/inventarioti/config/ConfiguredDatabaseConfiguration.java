package org.inventarioti.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Services that need the database's coordinates (verify, rehearse) resolve them as the commands do. */
@Configuration(proxyBeanMethods = false)
class ConfiguredDatabaseConfiguration {

    @Bean
    ConfiguredDatabase configuredDatabase(Environment environment, ObjectProvider<EmbeddedPostgresServer> embedded) {
        return ConfiguredDatabase.of(environment, embedded::getObject);
    }
}
