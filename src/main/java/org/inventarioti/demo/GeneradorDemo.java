package org.inventarioti.demo;

import static org.inventarioti.demo.VocabularioDemo.APELLIDOS;
import static org.inventarioti.demo.VocabularioDemo.AREAS;
import static org.inventarioti.demo.VocabularioDemo.CPUS;
import static org.inventarioti.demo.VocabularioDemo.CPUS_SERVIDOR;
import static org.inventarioti.demo.VocabularioDemo.NOMBRES;
import static org.inventarioti.demo.VocabularioDemo.PROVEEDORES;
import static org.inventarioti.demo.VocabularioDemo.TIPOS;
import static org.inventarioti.demo.VocabularioDemo.TITULOS;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.inventarioti.listing.CopyLine;

/**
 * Realistic demo rows, as CSV lines for COPY: assets whose especificaciones follow the seeded
 * schema of their category, and a maintenance history. Deterministic for a given seed.
 */
final class GeneradorDemo {

    private final Random random;
    private final LocalDate today;

    GeneradorDemo(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    VocabularioDemo.Tipo tipo() {
        int roll = random.nextInt(1000);
        for (VocabularioDemo.Tipo tipo : TIPOS) {
            roll -= tipo.porMil();
            if (roll < 0) {
                return tipo;
            }
        }
        return TIPOS.get(0);
    }

    /** One asset row: id, categoria_id, nombre, marca, modelo, numero_serie, estado, area, … (see COLUMNS). */
    String activo(long id, VocabularioDemo.Tipo tipo, long categoriaId, String estado, String especificaciones) {
        String marca = pick(tipo.marcas());
        String modelo = pick(tipo.modelos());
        String responsable = tipo.categoria().equals("Servidor")
                        || tipo.categoria().equals("Switch")
                        || tipo.categoria().equals("Router")
                ? null
                : pick(NOMBRES) + " " + pick(APELLIDOS);
        String area = pick(AREAS);
        LocalDate compra = today.minusDays(30 + random.nextInt(6 * 365));
        LocalDate garantia = compra.plusYears(1 + random.nextInt(3));
        double precio = tipo.precioBase() * (0.8 + random.nextDouble() * 0.5);
        boolean cifrable = tipo.categoria().equals("Laptop") || tipo.categoria().equals("PC de Escritorio");
        int b = random.nextInt(10);
        String bitlocker = !cifrable ? "unknown" : b < 7 ? "enabled" : b < 8 ? "disabled" : "unknown";
        String nombre = responsable != null
                ? tipo.categoria() + " de " + responsable
                : tipo.categoria() + " " + area + " " + (1 + random.nextInt(40));
        String notas = random.nextInt(20) == 0 ? "Asignado en la renovación de " + compra.getYear() : null;
        return CopyLine.line(
                id,
                categoriaId,
                nombre,
                marca,
                modelo,
                "DM" + Long.toString(id, 36).toUpperCase() + (char) ('A' + random.nextInt(26)) + random.nextInt(10),
                estado,
                area,
                "Edificio " + (char) ('A' + random.nextInt(4)) + ", piso " + (1 + random.nextInt(8)),
                pick(PROVEEDORES),
                compra,
                garantia,
                String.format(java.util.Locale.ROOT, "%.2f", precio),
                "USD",
                responsable,
                notas,
                bitlocker,
                especificaciones,
                true,
                "demo-data",
                "demo-data");
    }

    /** One line of PostgreSQL COPY … (FORMAT csv): NULL unquoted and empty, every value quoted. */
    static final String COLUMNS = "id, categoria_id, nombre, marca, modelo, numero_serie, estado, area, ubicacion,"
            + " proveedor, fecha_compra, garantia_hasta, precio, moneda, responsable, notas, bitlocker,"
            + " especificaciones, demo, created_by, updated_by";

    String estado() {
        int roll = random.nextInt(100);
        return roll < 82 ? "Activo" : roll < 90 ? "En almacén" : roll < 95 ? "En reparación" : "Dado de baja";
    }

    /** Especificaciones that follow the seeded schema of the category. */
    Map<String, Object> especificaciones(VocabularioDemo.Tipo tipo) {
        return switch (tipo.categoria()) {
            case "Laptop", "PC de Escritorio" ->
                Map.of(
                        "cpu", pick(CPUS),
                        "ram", pick(List.of("8GB", "16GB", "16GB", "32GB")),
                        "disco", pick(List.of("256GB SSD", "512GB SSD", "1TB SSD")),
                        "service_tag", codigo(7));
            case "Servidor" ->
                Map.of(
                        "cpu", pick(CPUS_SERVIDOR),
                        "ram", pick(List.of("64GB", "128GB", "256GB", "512GB")),
                        "disco", pick(List.of("4x 1.92TB SSD", "8x 2.4TB HDD")),
                        "service_tag", codigo(7));
            case "Monitor" ->
                Map.of(
                        "resolucion", pick(List.of("1920x1080", "2560x1440", "3840x2160")),
                        "pulgadas", pick(List.of(22, 24, 27, 32)));
            case "Teléfono" -> Map.of("imei", digits(15), "mac", mac());
            case "Impresora" -> Map.of("ppm", 20 + random.nextInt(41));
            case "Switch" ->
                Map.of(
                        "numero_puertos", pick(List.of(8, 16, 24, 48)),
                        "administrable", random.nextBoolean(),
                        "velocidad", pick(List.of("1G", "10G")));
            case "Router" ->
                Map.of(
                        "firmware", "v" + (1 + random.nextInt(7)) + "." + random.nextInt(10) + "." + random.nextInt(20),
                        "numero_puertos", pick(List.of(4, 5, 8)),
                        "mac", mac());
            case "YubiKey" -> Map.of("gid", codigo(12));
            default -> Map.of();
        };
    }

    /** Maintenance records of one asset: mostly past and completed, some scheduled, a few overdue. */
    int mantenimientos() {
        int roll = random.nextInt(100);
        return roll < 55 ? 0 : roll < 80 ? 1 : roll < 93 ? 2 : 3;
    }

    String mantenimiento(long activoId, String estado, Long tecnicoId) {
        LocalDate fecha = switch (estado) {
            case "completado", "cancelado" -> today.minusDays(1 + random.nextInt(3 * 365));
            case "en_progreso" -> today.minusDays(random.nextInt(5));
            default ->
                random.nextInt(5) == 0
                        ? today.minusDays(1 + random.nextInt(60))
                        : today.plusDays(1 + random.nextInt(180));
        };
        OffsetDateTime completado = estado.equals("completado")
                ? fecha.atTime(9 + random.nextInt(8), random.nextInt(60)).atOffset(ZoneOffset.UTC)
                : null;
        int t = random.nextInt(10);
        return CopyLine.line(
                activoId,
                t < 6 ? "preventivo" : t < 9 ? "correctivo" : "emergencia",
                pick(TITULOS),
                estado,
                fecha,
                completado,
                tecnicoId,
                estado.equals("completado")
                        ? String.format(java.util.Locale.ROOT, "%.2f", 20 + random.nextDouble() * 200)
                        : null,
                true,
                "demo-data",
                "demo-data");
    }

    static final String MANTENIMIENTO_COLUMNS = "activo_id, tipo, titulo, estado, fecha_programada, fecha_completado,"
            + " tecnico_id, costo, demo, created_by, updated_by";

    String estadoMantenimiento() {
        int roll = random.nextInt(100);
        return roll < 70 ? "completado" : roll < 75 ? "cancelado" : "programado";
    }

    boolean enProgreso() {
        return random.nextInt(100) == 0;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String codigo(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }

    private String digits(int length) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private String mac() {
        StringBuilder mac = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            mac.append(i == 0 ? "" : ":").append(String.format("%02X", random.nextInt(256)));
        }
        return mac.toString();
    }
}
