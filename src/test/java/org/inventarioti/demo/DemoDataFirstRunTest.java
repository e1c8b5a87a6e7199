package org.inventarioti.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.inventarioti.InventarioApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The start-up switch adds demo data on the first embedded start only. */
class DemoDataFirstRunTest {

    private static ConfigurableApplicationContext start(Path dataDir, int demo) {
        return new SpringApplicationBuilder(InventarioApplication.class)
                .run(
                        "--inventario.data-dir=" + dataDir,
                        "--inventario.embedded-db.durable=false",
                        "--inventario.demo-data.first-run=" + demo,
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--logging.level.root=warn");
    }

    private static long activos(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM activos WHERE demo")
                .query(Long.class)
                .single();
    }

    @Test
    void onlyTheFirstStartOfAnEmptyEmbeddedDatabaseGetsDemoData(@TempDir Path dataDir) {
        try (var app = start(dataDir, 30)) {
            assertThat(activos(app)).isEqualTo(30);
            assertThat(app.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM usuarios WHERE rol = 'ADMIN' AND NOT demo")
                            .query(Long.class)
                            .single())
                    .as("the first administrator was still created")
                    .isEqualTo(1);
        }
        try (var app = start(dataDir, 30)) {
            assertThat(activos(app)).as("not added again").isEqualTo(30);
        }
    }
}
