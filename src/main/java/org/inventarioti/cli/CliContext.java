package org.inventarioti.cli;

import java.util.function.Supplier;
import org.inventarioti.config.ConfiguredDatabase;
import org.inventarioti.config.DatabaseEnvironment;
import org.inventarioti.config.EmbeddedPostgresServer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What CLI commands share: the application's configuration, read once without starting anything;
 * the database and data directory it names; and the Spring context, started only when a command
 * first needs a service (without a web server and without start-up migrations) and closed when
 * the command ends (which also stops an embedded database the command started).
 */
public final class CliContext implements AutoCloseable {

    private final Supplier<SpringApplicationBuilder> application;
    private final String[] arguments;
    private ConfigurableEnvironment environment;
    private ConfiguredDatabase database;
    private ConfigurableApplicationContext context;

    public CliContext(Class<?> applicationClass) {
        this(() -> new SpringApplicationBuilder(applicationClass));
    }

    /** {@code arguments} are Spring arguments ({@code --name=value}) that override the configuration. */
    public CliContext(Supplier<SpringApplicationBuilder> application, String... arguments) {
        this.application = application;
        this.arguments = arguments.clone();
    }

    public synchronized <T> T bean(Class<T> type) {
        if (context == null) {
            context = application
                    .get()
                    .web(WebApplicationType.NONE)
                    .properties(
                            "spring.main.banner-mode=off",
                            "spring.main.log-startup-info=false",
                            "inventario.cli=true",
                            "logging.level.root=WARN",
                            "logging.level.org.inventarioti=WARN")
                    .run(arguments);
        }
        return context.getBean(type);
    }

    /**
     * The configuration the application reads (arguments, environment, application.yml and its
     * profiles, DB_*), without starting it: a command can report a weak secret that would stop the
     * application from starting at all.
     */
    public synchronized ConfigurableEnvironment environment() {
        if (context != null) {
            return context.getEnvironment();
        }
        if (environment == null) {
            StandardEnvironment prepared = new StandardEnvironment();
            prepared.getPropertySources().addFirst(new SimpleCommandLinePropertySource(arguments));
            ConfigDataEnvironmentPostProcessor.applyTo(prepared);
            new DatabaseEnvironment().postProcessEnvironment(prepared, null);
            environment = prepared;
        }
        return environment;
    }

    /** Which database and data directory commands work on; the embedded server starts only when asked for. */
    public synchronized ConfiguredDatabase database() {
        if (database == null) {
            database = ConfiguredDatabase.of(environment(), () -> bean(EmbeddedPostgresServer.class));
        }
        return database;
    }

    public synchronized boolean started() {
        return context != null;
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
