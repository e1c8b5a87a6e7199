package org.inventarioti;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One jar, two modes: with no command it runs the server; with a command ({@code inventario
 * backup}, {@code inventario usuarios crear-admin} …) it runs the ops CLI without a web server.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InventarioApplication {

    public static void main(String[] args) {
        if (InventarioCli.isCommand(args)) {
            System.exit(InventarioCli.run(args));
        }
        SpringApplication.run(InventarioApplication.class, args);
    }
}
