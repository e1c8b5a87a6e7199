package org.inventarioti.usuarios;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** The server's start makes the first administrator when there is none (see {@link PrimerAdministrador}). */
@Component
@ConditionalOnWebApplication
class PrimerAdministradorAlArrancar implements ApplicationRunner {

    private final PrimerAdministrador primero;

    PrimerAdministradorAlArrancar(PrimerAdministrador primero) {
        this.primero = primero;
    }

    @Override
    public void run(ApplicationArguments args) {
        primero.crearSiFalta(new PrintWriter(System.out, true, Charset.defaultCharset()));
    }
}
