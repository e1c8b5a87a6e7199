-- Inventory with maintenance history for the backup/restore benchmark and tests, at the current
-- schema (after V3). :assets assets, 3 maintenance records and 2 audit rows each, specifications
-- as JSONB, texts with tabs, newlines, backslashes, quotes and non-ASCII characters, NULLs.
INSERT INTO usuarios (nombre, email, password_hash, rol, enabled)
SELECT 'Usuario ' || g, 'bench-' || g || '@bench.local', '{noop}x', (ARRAY['ADMIN', 'TECNICO', 'LECTOR'])[1 + g % 3], g % 7 <> 0
FROM generate_series(1, 30) g;

INSERT INTO categorias (nombre, descripcion, esquema)
SELECT 'Bench categoría ' || g, 'Descripción "' || g || E'"\tcon tab',
       '{"type": "object", "properties": {"cpu": {"type": "string"}, "ram": {"type": "integer"}}}'::jsonb
FROM generate_series(1, 10) g;

INSERT INTO activos (codigo, categoria_id, nombre, marca, modelo, numero_serie, estado, area, ubicacion,
                     proveedor, fecha_compra, garantia_hasta, precio, moneda, responsable, notas, bitlocker,
                     especificaciones)
SELECT 'TI-' || lpad(nextval('activos_codigo_seq')::text, 6, '0'),
       (SELECT min(id) FROM categorias WHERE nombre LIKE 'Bench%') + g % 10,
       'Equipo ' || g, (ARRAY['Dell', 'HP', 'Lenovo', 'Cisco'])[1 + g % 4], 'Modelo ' || (g % 97),
       'BENCH-SN-' || g,
       (ARRAY['Activo', 'En mantenimiento', 'En reparación', 'En almacén', 'Dado de baja'])[1 + g % 5],
       'Área ' || (g % 12), CASE WHEN g % 5 = 0 THEN NULL ELSE 'Piso ' || (g % 9) END, 'Proveedor ' || (g % 20),
       date '2018-01-01' + (g % 2000), date '2021-01-01' + (g % 2000), (g % 5000) * 1.25, 'USD',
       'Responsable ' || (g % 300),
       CASE WHEN g % 3 = 0 THEN E'nota con\nsalto, tab\t, barra \\ y comillas ''simples'' "dobles" ñ€' END,
       (ARRAY['enabled', 'disabled', 'unknown'])[1 + g % 3],
       jsonb_build_object('cpu', 'Intel i' || (3 + g % 7), 'ram', 4 * (1 + g % 16), 'disco', (g % 4) || 'TB',
                          'service_tag', md5(g::text))
FROM generate_series(1, :assets) g;

INSERT INTO mantenimientos (activo_id, tipo, titulo, descripcion, estado, fecha_programada, fecha_completado,
                            tecnico_id, costo, notas)
SELECT a.id, (ARRAY['preventivo', 'correctivo', 'emergencia'])[1 + k], 'Revisión ' || k || ' de ' || a.codigo,
       repeat('Descripción del trabajo realizado. ', 1 + k),
       (ARRAY['programado', 'en_progreso', 'completado', 'cancelado'])[1 + (a.id + k) % 4],
       date '2023-01-01' + ((a.id + k * 31) % 700)::int,
       CASE WHEN (a.id + k) % 4 = 2 THEN timestamptz '2024-01-01 10:00+00' + (a.id % 500) * interval '1 day' END,
       (SELECT min(id) FROM usuarios WHERE email LIKE 'bench-%'), (a.id % 300) * 2.5, NULL
FROM activos a CROSS JOIN generate_series(0, 2) k
WHERE a.numero_serie LIKE 'BENCH-SN-%';

INSERT INTO auditoria (actor_email, accion, entidad, entidad_id, antes, despues, request_id, direccion_cliente)
SELECT 'bench-1@bench.local', (ARRAY['crear', 'actualizar'])[1 + k], 'activo', a.id::text,
       CASE WHEN k = 1 THEN jsonb_build_object('estado', 'Activo') END, jsonb_build_object('nombre', a.nombre),
       md5(a.id::text || k), '127.0.0.1'
FROM activos a CROSS JOIN generate_series(0, 1) k
WHERE a.numero_serie LIKE 'BENCH-SN-%';
