package org.inventarioti.importacion;

import java.sql.SQLException;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * An original Inventario-TI database with every quirk the issue names, at one of the three states
 * of its especificaciones column: TEXT (before its migration), TEXT plus especificaciones_json
 * (between), JSON only (after its final migration, where invalid texts had already become NULL).
 */
final class LegadoQuirks {

    enum Estado {
        PRE,
        ENTRE,
        POST
    }

    static final String ADMIN = "admin@legacy.local";
    static final String ADMIN_PASSWORD = "Legacy-Admin-1";
    static final String TECNICO = "tecnico@legacy.local";
    static final String TECNICO_PASSWORD = "tecnico-viejo";
    static final String RECOVERY = "111111-222222-333333-444444-555555-666666-777777-888888";
    static final String RECOVERY_NOTAS = "123123-234234-345345-456456-567567-678678-789789-890890";
    static final String RECOVERY_MANT = "909090-818181-727272-636363-545454-454545-363636-272727";
    /** Every secret planted; none may appear anywhere in the target or the log. */
    static final List<String> SECRETOS = List.of(
            RECOVERY,
            RECOVERY_NOTAS,
            RECOVERY_MANT,
            "MYSECRET-RK-0003",
            "hunter2-legacy",
            "SECRET-INVALID-0005",
            "SECRET-ARRAY-0006",
            "SECRET-NESTED-0008",
            "PIN-COLUMN-4321");

    private static final BCryptPasswordEncoder BCRYPT =
            new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 4);

    private LegadoQuirks() {}

    static void construir(LegacyMariaDb db, Estado estado) throws SQLException {
        String specsColumns = switch (estado) {
            case PRE -> "especificaciones TEXT NULL,";
            case ENTRE -> "especificaciones TEXT NULL, especificaciones_json JSON NULL,";
            case POST -> "especificaciones JSON NULL,";
        };
        db.execute(
                "CREATE TABLE roles (id INT AUTO_INCREMENT PRIMARY KEY, nombre VARCHAR(50) NOT NULL)",
                "CREATE TABLE usuarios (id INT AUTO_INCREMENT PRIMARY KEY, nombre VARCHAR(100), email VARCHAR(100)"
                        + " NOT NULL UNIQUE, password VARCHAR(255) NOT NULL, rol_id INT NULL,"
                        + " FOREIGN KEY (rol_id) REFERENCES roles(id))",
                "CREATE TABLE categorias (id INT AUTO_INCREMENT PRIMARY KEY, nombre VARCHAR(100) NOT NULL)",
                "CREATE TABLE activos (id INT AUTO_INCREMENT PRIMARY KEY, categoria_id INT NULL, nombre VARCHAR(255),"
                        + " marca VARCHAR(100), modelo VARCHAR(100), numero_serie VARCHAR(100) NOT NULL UNIQUE,"
                        + " estado VARCHAR(50), ubicacion VARCHAR(255), proveedor VARCHAR(255), fecha_compra DATE,"
                        + " precio_usd DECIMAL(10,2), responsable VARCHAR(255), notas TEXT, " + specsColumns
                        + " bitlocker ENUM('enabled','disabled','unknown') NULL, pin_equipo VARCHAR(20) NULL,"
                        + " etiqueta_vieja VARCHAR(50) NULL)",
                "CREATE TABLE mantenimientos (id INT AUTO_INCREMENT PRIMARY KEY, activo_id INT NOT NULL, usuario_id INT,"
                        + " tipo ENUM('preventivo','correctivo','emergencia'), titulo VARCHAR(255), descripcion TEXT,"
                        + " estado VARCHAR(50) NULL, fecha_programada DATE, fecha_realizada DATETIME NULL,"
                        + " observaciones TEXT NULL)",
                "INSERT INTO roles VALUES (1, 'administrador'), (2, 'tecnico')");
        db.execute(
                usuario(1, "Admin Viejo", ADMIN, BCRYPT.encode(ADMIN_PASSWORD), "1"),
                usuario(2, "Técnico Uno", TECNICO, BCRYPT.encode(TECNICO_PASSWORD), "2"),
                usuario(3, "Intruso", "Intruso@Legacy.local", BCRYPT.encode("intruso-pw"), "1"),
                usuario(4, "", "sinrol@legacy.local", BCRYPT.encode("sin-rol-pw"), "NULL"),
                usuario(5, "Texto plano", "plano@legacy.local", "notahash", "2"),
                "ALTER TABLE usuarios ADD COLUMN created_at DATETIME NULL DEFAULT '2020-05-06 07:08:09'",
                "INSERT INTO categorias VALUES (1, 'Laptop'), (2, 'PC de Escritorio'), (3, 'Monitor'), (4, 'Switch'),"
                        + " (5, 'Tablet'), (6, 'laptop '), (7, 'Telefono')");
        boolean post = estado == Estado.POST;
        String invalid =
                post ? null : "{\"cpu\": \"i5\", \"ram\": \"8GB\", \"bitlocker_recovery_key\": \"SECRET-INVALID-0005\"";
        activo(
                db,
                estado,
                1,
                "1",
                "Laptop Ana",
                "SN-0001",
                "Activo",
                "{\"cpu\":\"i7\",\"ram\":\"16GB\"," + "\"disco_duro\":\"512GB SSD\",\"service_tag\":\"ABC1\"}",
                "'enabled'",
                "1200.50",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                2,
                "1",
                "Laptop Beto",
                "SN-0002",
                "En Mantenimiento",
                "{\"cpu\":\"i5\",\"ram\":\"8GB\"," + "\"bitlocker_recovery_key\":\"" + RECOVERY + "\"}",
                "'enabled'",
                "999",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                3,
                "1",
                "Laptop Caro",
                "SN-0003",
                "Activo",
                "{\"cpu\":\"i5\",\"ram\":\"8GB\","
                        + "\"BitLocker Recovery Key\":\"MYSECRET-RK-0003\",\"password\":\"hunter2-legacy\"}",
                "'disabled'",
                "NULL",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                4,
                "3",
                "Monitor Sala",
                "MON-0004",
                "De baja",
                "{\"resolution\":\"1920x1080\"," + "\"size_inches\":\"24\"}",
                "NULL",
                "150",
                "NULL",
                "NULL");
        activo(db, estado, 5, "1", "Laptop rota", "SN-0005", "Dado de Baja", invalid, "NULL", "NULL", "NULL", "NULL");
        activo(
                db,
                estado,
                6,
                "2",
                "PC array",
                "PC-0006",
                "En Reparación",
                "[{\"cpu\":\"i3\"}," + "{\"bitlocker_recovery_key\":\"SECRET-ARRAY-0006\"}]",
                "NULL",
                "NULL",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                7,
                "2",
                "PC formulario",
                "PC-0007",
                null,
                "{\"cpu\":\"i5\",\"ram\":\"8GB\","
                        + "\"estado\":\"En reparación\",\"ubicacion\":\"Bodega 2\",\"proveedor\":\"Dell\","
                        + "\"fecha_compra\":\"2021-03-04\"}",
                "NULL",
                "NULL",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                8,
                "2",
                "PC vieja",
                "PC-0008",
                "Activo",
                "{\"id\":8,\"nombre\":\"PC vieja\","
                        + "\"numero_serie\":\"PC-0008\",\"categoria_id\":2,\"especificaciones\":{\"cpu\":\"Pentium\","
                        + "\"ram\":\"4GB\",\"disco_duro\":\"500GB\",\"recovery_key\":\"SECRET-NESTED-0008\"}}",
                "NULL",
                "NULL",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                9,
                "4",
                "Switch piso 1",
                "SW-0009",
                "Activo",
                "{\"numero_puertos\":\"24\"," + "\"velocidad\":\"\"}",
                "NULL",
                "NULL",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                10,
                "1",
                "Laptop duplicada",
                " sn-0001 ",
                "Activo",
                "{\"cpu\":\"i7\",\"ram\":\"16GB\"}",
                "NULL",
                "NULL",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                11,
                null,
                "Cosa sin categoría",
                "X-0011",
                "Obsoleto",
                post ? null : "",
                "NULL",
                "NULL",
                "'PIN-COLUMN-4321'",
                "'ETQ-11'");
        activo(
                db,
                estado,
                12,
                "6",
                "Laptop notas",
                "SN-0012",
                "En Reparación",
                "{\"cpu\":\"i3\",\"ram\":\"4GB\"}",
                "NULL",
                "NULL",
                "NULL",
                "NULL");
        activo(
                db,
                estado,
                13,
                "5",
                "Tablet Dana",
                "TAB-0013",
                "Activo",
                "{\"pantalla\":\"10 in\"}",
                "'unknown'",
                "320.00",
                "NULL",
                "NULL");
        activo(db, estado, 14, "7", "Telefono Eva", "TEL-0014", "Activo", null, "NULL", "NULL", "NULL", "NULL");
        db.execute("UPDATE activos SET notas = 'clave de recuperación " + RECOVERY_NOTAS + " (mover)' WHERE id = 12");
        db.execute(
                "INSERT INTO mantenimientos VALUES (1, 1, 2, 'preventivo', 'Limpieza', 'Polvo', NULL, '2024-02-01',"
                        + " '2024-02-03 10:15:00', NULL)",
                "INSERT INTO mantenimientos VALUES (2, 2, 2, 'correctivo', 'Teclado', NULL, 'en progreso', '2024-03-01',"
                        + " NULL, NULL)",
                "INSERT INTO mantenimientos VALUES (3, 4, 1, 'emergencia', 'Pantalla', NULL, 'pendiente', '2024-04-01',"
                        + " NULL, 'ver garantía')",
                "INSERT INTO mantenimientos VALUES (4, 10, 2, 'preventivo', 'Del duplicado', NULL, NULL, NULL, NULL,"
                        + " NULL)",
                "INSERT INTO mantenimientos VALUES (5, 999, 2, 'preventivo', 'Huérfano', NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO mantenimientos VALUES (6, 13, 77, 'correctivo', 'Técnico borrado', NULL, 'Realizado',"
                        + " '2024-05-01', '2024-05-02 08:00:00', NULL)",
                "INSERT INTO mantenimientos VALUES (7, 7, 1, 'correctivo', 'Fuente', NULL, 'En progreso', '2024-06-01',"
                        + " NULL, NULL)",
                "INSERT INTO mantenimientos VALUES (8, 3, 2, 'preventivo', '', 'BitLocker reactivado', 'raro', NULL,"
                        + " NULL, 'nueva clave " + RECOVERY_MANT + "')");
    }

    private static String usuario(int id, String nombre, String email, String password, String rol) {
        return "INSERT INTO usuarios VALUES (" + id + ", '" + nombre + "', '" + email + "', '" + password + "', " + rol
                + ")";
    }

    private static void activo(
            LegacyMariaDb db,
            Estado estado,
            int id,
            String categoria,
            String nombre,
            String serie,
            String estadoActivo,
            String specs,
            String bitlocker,
            String precio,
            String pin,
            String etiqueta)
            throws SQLException {
        String spec = specs == null ? "NULL" : "'" + specs.replace("\\", "\\\\").replace("'", "''") + "'";
        String specValues = switch (estado) {
            case PRE, POST -> spec;
            case ENTRE -> spec + ", " + (specs != null && valid(specs) ? spec : "NULL");
        };
        db.execute("INSERT INTO activos VALUES (" + id + ", " + (categoria == null ? "NULL" : categoria) + ", '"
                + nombre
                + "', 'Marca', 'Modelo', '" + serie + "', " + (estadoActivo == null ? "NULL" : "'" + estadoActivo + "'")
                + ", NULL, NULL, " + (id == 1 ? "'2020-01-15'" : "NULL") + ", " + precio + ", 'Resp " + id
                + "', NULL, " + specValues + ", " + bitlocker + ", " + pin + ", " + etiqueta + ")");
    }

    private static boolean valid(String json) {
        if (json.isBlank()) {
            return false;
        }
        try {
            tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
            return true;
        } catch (tools.jackson.core.JacksonException e) {
            return false;
        }
    }
}
