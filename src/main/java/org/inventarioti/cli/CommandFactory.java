package org.inventarioti.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands and mixins; those that take a {@link CliContext} in their constructor get the shared one. */
public final class CommandFactory implements CommandLine.IFactory {

    private final CliContext context;

    public CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            var parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == CliContext.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(context));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }
}
