-- Benchmark data (MariaDB): the original Inventario-TI before its final migration, with
-- @assets assets and @maint maintenance records, and its quirks in realistic proportions:
-- estado spellings, specs with old key names and numbers as text, asset fields inside the specs,
-- plaintext BitLocker recovery keys (1 %), invalid JSON (0.5 %), arrays, empty values.
-- Uses MariaDB's SEQUENCE engine (seq_1_to_N).
CREATE TABLE roles (id INT AUTO_INCREMENT PRIMARY KEY, nombre VARCHAR(50) NOT NULL);
CREATE TABLE usuarios (id INT AUTO_INCREMENT PRIMARY KEY, nombre VARCHAR(100), email VARCHAR(100) NOT NULL UNIQUE,
  password VARCHAR(255) NOT NULL, rol_id INT NULL);
CREATE TABLE categorias (id INT AUTO_INCREMENT PRIMARY KEY, nombre VARCHAR(100) NOT NULL);
CREATE TABLE activos (id INT AUTO_INCREMENT PRIMARY KEY, categoria_id INT NULL, nombre VARCHAR(255),
  marca VARCHAR(100), modelo VARCHAR(100), numero_serie VARCHAR(100) NOT NULL UNIQUE, estado VARCHAR(50),
  ubicacion VARCHAR(255), proveedor VARCHAR(255), fecha_compra DATE, precio_usd DECIMAL(10,2),
  responsable VARCHAR(255), notas TEXT, especificaciones TEXT NULL,
  bitlocker ENUM('enabled','disabled','unknown') NULL);
CREATE TABLE mantenimientos (id INT AUTO_INCREMENT PRIMARY KEY, activo_id INT NOT NULL, usuario_id INT,
  tipo ENUM('preventivo','correctivo','emergencia'), titulo VARCHAR(255), descripcion TEXT, estado VARCHAR(50) NULL,
  fecha_programada DATE, fecha_realizada DATETIME NULL, observaciones TEXT NULL, KEY (activo_id));

INSERT INTO roles VALUES (1, 'administrador'), (2, 'tecnico');
INSERT INTO usuarios
SELECT seq, concat('Usuario ', seq), concat('u', seq, '@bench.local'),
       concat('$2b$10$', rpad(concat('benchsaltbenchsaltbench', seq), 53, 'x')), IF(seq % 10 = 1, 1, 2)
FROM seq_1_to_60;
INSERT INTO categorias VALUES (1, 'Laptop'), (2, 'PC de Escritorio'), (3, 'Servidor'), (4, 'Switch'), (5, 'Router'),
  (6, 'Monitor'), (7, 'Telefono'), (8, 'Impresora'), (9, 'YubiKey'), (10, 'Tablet');

INSERT INTO activos
SELECT seq, IF(seq % 500 = 0, NULL, 1 + seq % 10), concat('Equipo ', seq),
       ELT(1 + seq % 4, 'Dell', 'HP', 'Lenovo', 'Cisco'), concat('Modelo ', seq % 50), concat('SN-', lpad(seq, 8, '0')),
       ELT(1 + seq % 7, 'Activo', 'En Mantenimiento', 'De baja', 'Dado de Baja', 'En Reparación', 'Activo', NULL),
       concat('Piso ', seq % 12), ELT(1 + seq % 3, 'Dell', 'Ingram', 'Local'),
       DATE('2019-01-01') + INTERVAL (seq % 1800) DAY, 100 + (seq % 2000) + 0.5, concat('Persona ', seq % 300),
       IF(seq % 50 = 0, concat('Revisado en ', 2020 + seq % 5), NULL),
       CASE
           WHEN seq % 200 = 0 THEN '{"cpu": "i5", "ram": "8GB", "disco_duro": "256GB"'
           WHEN seq % 100 = 1 THEN concat('{"cpu":"Intel i5","ram":"8GB","bitlocker_recovery_key":"',
               lpad(seq % 1000000, 6, '0'), '-111111-222222-333333-444444-555555-666666-777777"}')
           WHEN seq % 250 = 3 THEN '[{"cpu":"i3"},{"ram":"4GB"}]'
           WHEN seq % 10 IN (1, 2, 3) THEN concat('{"cpu":"Intel Core i', 3 + (seq % 3) * 2, '-', 1000 + seq % 9000,
               '","ram":"', 8 * (1 + seq % 4), 'GB","disco_duro":"', 256 * (1 + seq % 4), 'GB SSD","service_tag":"ST',
               seq, '","estado":"Activo","fecha_compra":"2021-03-04"}')
           WHEN seq % 10 = 4 THEN '{"numero_puertos":"24","velocidad":"","administrable":true}'
           WHEN seq % 10 = 6 THEN '{"resolution":"1920x1080","size_inches":"24","ubicacion":"Sala"}'
           WHEN seq % 10 = 7 THEN concat('{"imei":"', lpad(seq, 15, '3'), '","mac":"00:11:22:33:44:55"}')
           WHEN seq % 10 = 9 THEN concat('{"id":', seq, ',"nombre":"Equipo ', seq,
               '","especificaciones":{"gid":"G', seq, '"}}')
           ELSE '{"ppm":"30","modelo":"LaserJet"}'
       END,
       ELT(1 + seq % 3, 'enabled', 'disabled', NULL)
FROM seq_1_to_100000;

INSERT INTO mantenimientos
SELECT seq, 1 + (seq * 7) % 100000, 1 + seq % 60, ELT(1 + seq % 3, 'preventivo', 'correctivo', 'emergencia'),
       concat('Tarea ', seq), concat('Revisión general del equipo ', seq, ': limpieza, actualización y prueba.'),
       ELT(1 + seq % 5, NULL, 'pendiente', 'en progreso', 'Realizado', 'cancelado'),
       DATE('2023-01-01') + INTERVAL (seq % 700) DAY,
       IF(seq % 5 IN (0, 3), TIMESTAMP('2024-01-01 10:00:00') + INTERVAL (seq % 500) HOUR, NULL),
       IF(seq % 20 = 0, 'Ver garantía', NULL)
FROM seq_1_to_73000;
