package org.inventarioti.config;

import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring context behind CLI commands: started only when a command first needs a service,
 * without a web server and without start-up migrations, and closed when the command ends (which
 * also stops an embedded database the command started).
 */
public final class CliContext implements AutoCloseable {

    private final Supplier<SpringApplicationBuilder> application;
    private final String[] arguments;
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
