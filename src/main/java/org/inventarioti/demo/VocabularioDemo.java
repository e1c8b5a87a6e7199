package org.inventarioti.demo;

import java.util.List;

/** The words demo data is made of: categories with their share, brands and models; areas, people, CPUs, tasks. */
final class VocabularioDemo {

    private VocabularioDemo() {}

    /** Category, its share of the assets (per thousand), brands and models. */
    record Tipo(String categoria, int porMil, List<String> marcas, List<String> modelos, int precioBase) {}

    static final List<Tipo> TIPOS = List.of(
            new Tipo(
                    "Laptop",
                    350,
                    List.of("Dell", "Lenovo", "HP", "Apple"),
                    List.of("Latitude 5440", "ThinkPad T14", "EliteBook 840", "MacBook Air"),
                    1100),
            new Tipo(
                    "PC de Escritorio",
                    200,
                    List.of("Dell", "HP", "Lenovo"),
                    List.of("OptiPlex 7010", "ProDesk 400", "ThinkCentre M70"),
                    800),
            new Tipo("Monitor", 200, List.of("Dell", "LG", "Samsung"), List.of("P2422H", "27UL500", "S24R350"), 220),
            new Tipo(
                    "Teléfono",
                    100,
                    List.of("Samsung", "Apple", "Motorola"),
                    List.of("Galaxy A54", "iPhone 13", "Moto G84"),
                    450),
            new Tipo(
                    "Impresora",
                    40,
                    List.of("HP", "Brother", "Epson"),
                    List.of("LaserJet M404", "HL-L5100", "EcoTank L6270"),
                    380),
            new Tipo(
                    "Servidor",
                    30,
                    List.of("Dell", "HPE", "Lenovo"),
                    List.of("PowerEdge R650", "ProLiant DL380", "ThinkSystem SR650"),
                    9000),
            new Tipo(
                    "Switch",
                    30,
                    List.of("Cisco", "Aruba", "Ubiquiti"),
                    List.of("Catalyst 9200", "2930F", "USW-48"),
                    1500),
            new Tipo(
                    "Router",
                    20,
                    List.of("Cisco", "MikroTik", "Fortinet"),
                    List.of("ISR 1100", "RB4011", "FortiGate 60F"),
                    900),
            new Tipo("YubiKey", 30, List.of("Yubico"), List.of("YubiKey 5 NFC", "YubiKey 5C"), 55));

    static final List<String> AREAS = List.of(
            "Finanzas",
            "Recursos Humanos",
            "Ventas",
            "Marketing",
            "Operaciones",
            "Tecnología",
            "Legal",
            "Compras",
            "Logística",
            "Atención al Cliente",
            "Dirección",
            "Calidad");
    static final List<String> PROVEEDORES = List.of(
            "CompuRed", "Tecnosur", "DataMax", "Suministros TI", "InfoMundo", "Redes Andinas", "OfiTec", "NetPro");
    static final List<String> NOMBRES = List.of(
            "Ana",
            "Luis",
            "María",
            "Carlos",
            "Lucía",
            "Jorge",
            "Sofía",
            "Pedro",
            "Elena",
            "Diego",
            "Valeria",
            "Andrés",
            "Camila",
            "Javier",
            "Paula",
            "Miguel",
            "Daniela",
            "Fernando",
            "Laura",
            "Raúl");
    static final List<String> APELLIDOS = List.of(
            "García",
            "Martínez",
            "López",
            "Sánchez",
            "Pérez",
            "Gómez",
            "Fernández",
            "Díaz",
            "Torres",
            "Ramírez",
            "Flores",
            "Rojas",
            "Vargas",
            "Castro",
            "Morales",
            "Ortiz",
            "Silva",
            "Mendoza",
            "Herrera",
            "Ruiz");
    static final List<String> CPUS = List.of(
            "Intel i5-1245U",
            "Intel i7-1365U",
            "AMD Ryzen 5 7530U",
            "AMD Ryzen 7 7730U",
            "Apple M2",
            "Intel i5-13500",
            "Intel i7-13700");
    static final List<String> CPUS_SERVIDOR =
            List.of("2x Intel Xeon Silver 4314", "2x AMD EPYC 7313", "Intel Xeon E-2388G");
    static final List<String> TITULOS = List.of(
            "Limpieza interna",
            "Cambio de disco",
            "Actualización de firmware",
            "Revisión de batería",
            "Cambio de pantalla",
            "Reinstalación del sistema",
            "Revisión general",
            "Cambio de teclado");
}
