package org.inventarioti.ops.release;

import java.nio.file.Path;

/** An installed release: {@code releases/<version>/inventario.jar} and its {@code bin/inventario}. */
public record Release(String version, Path dir) {

    public Path jar() {
        return dir.resolve("inventario.jar");
    }

    public Path cli() {
        return dir.resolve("bin/inventario");
    }
}
