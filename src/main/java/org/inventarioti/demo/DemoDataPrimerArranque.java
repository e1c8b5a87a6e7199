package org.inventarioti.demo;

import java.io.PrintWriter;
import org.inventarioti.cli.ProgressBar;
import org.inventarioti.config.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The start-up switch for a first look at the product: with {@code INVENTARIO_DEMO_DATA=N}, the
 * first start on an embedded database with no assets adds N demo assets. Never on an external
 * database, never when there is any asset. It runs once the start-up runners are done (the first
 * administrator exists by then) and before the server reports itself ready.
 */
@Component
@ConditionalOnWebApplication
class DemoDataPrimerArranque implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoDataPrimerArranque.class);

    private final DemoDataProperties properties;
    private final DemoDataService service;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;

    DemoDataPrimerArranque(
            DemoDataProperties properties, DemoDataService service, ObjectProvider<EmbeddedPostgresServer> embedded) {
        this.properties = properties;
        this.service = service;
        this.embedded = embedded;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (properties.firstRun() == 0) {
            return;
        }
        if (embedded.getIfAvailable() == null) {
            log.warn("INVENTARIO_DEMO_DATA is set but the database is external: no demo data added"
                    + " (use `inventario demo-data --activos N` on purpose)");
            return;
        }
        if (service.contarActivos() > 0) {
            return;
        }
        PrintWriter console = new PrintWriter(System.out, true);
        var added = service.generar(
                properties.firstRun(), System.nanoTime(), new Progreso(new ProgressBar(console, false), "", 1));
        service.vacuum();
        log.info("First run: added {} demo assets and {} maintenance records", added.activos(), added.mantenimientos());
        for (DemoDataService.Usuario usuario : added.usuariosCreados()) {
            console.printf(
                    "Demo user %s (%s), password (shown only now): %s%n",
                    usuario.email(), usuario.rol(), usuario.password());
        }
    }
}
