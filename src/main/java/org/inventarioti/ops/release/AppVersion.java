package org.inventarioti.ops.release;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The release version, from the build-info the Maven build writes into the jar. */
public final class AppVersion {

    private static final String VERSION = load();

    private AppVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("build.version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
