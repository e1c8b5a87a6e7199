package org.inventarioti.ops.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.inventarioti.notificaciones.NotificacionService;
import org.inventarioti.support.InventarioTest;
import org.inventarioti.support.TestUsers;
import org.inventarioti.usuarios.Rol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ops events as notifications: a maintenance window's start and end, once each; a failed backup. */
@InventarioTest
class MaintenanceAvisosTest {

    @Autowired
    MaintenanceModeService maintenance;

    @Autowired
    NotificacionService notificaciones;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    private List<String> asuntos(String email) {
        return jdbc.sql("SELECT asunto FROM ops_notificaciones WHERE destino = ? ORDER BY id")
                .param(email)
                .query(String.class)
                .list();
    }

    @Test
    void aWindowStartingAndEndingIsToldToEveryAdministratorOnceEach() {
        var admin = users.create(Rol.ADMIN);
        var tecnico = users.create(Rol.TECNICO);
        try {
            maintenance.turnOn("Actualización", Duration.ofMinutes(5), "test");
            maintenance.turnOn("Actualización", Duration.ofMinutes(5), "test"); // renewed: the same window
        } finally {
            assertThat(maintenance.turnOff()).isTrue();
        }
        assertThat(maintenance.turnOff()).as("already off: nothing to tell").isFalse();
        assertThat(asuntos(admin.email()))
                .containsExactly(
                        "Inventario-TI: ventana de mantenimiento iniciada",
                        "Inventario-TI: ventana de mantenimiento terminada");
        assertThat(asuntos(tecnico.email())).isEmpty();
    }

    @Test
    void theBackupCodeCanTellAFailureOnceOutsideAnyTransaction() {
        var admin = users.create(Rol.ADMIN);
        String clave = "backup-fallido:" + admin.id();
        assertThat(notificaciones.avisarOps(NotificacionService.BACKUP_FALLIDO, Map.of("archivo", "x.tar"), clave))
                .isTrue();
        notificaciones.avisarOps(NotificacionService.BACKUP_FALLIDO, Map.of("archivo", "x.tar"), clave);
        assertThat(asuntos(admin.email())).containsExactly("Inventario-TI: la copia de seguridad falló");
        assertThat(jdbc.sql("SELECT cuerpo FROM ops_notificaciones WHERE destino = ?")
                        .param(admin.email())
                        .query(String.class)
                        .single())
                .contains("archivo: x.tar");
    }
}
