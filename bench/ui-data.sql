-- Data for bench/ui.sh: :assets assets over 12 categorías, 20 áreas and 3 currencies, one maintenance
-- record each (some overdue, some due this week), warranties spread over the next 4 years, and
-- two audit rows per asset, at the current schema.
INSERT INTO categorias (nombre, descripcion, esquema)
SELECT 'Bench categoría ' || g, 'Categoría de prueba ' || g,
       '{"type": "object", "properties": {"cpu": {"type": "string"}, "ram": {"type": "integer"}}}'::jsonb
FROM generate_series(1, 12) g;

INSERT INTO activos (codigo, categoria_id, nombre, marca, modelo, numero_serie, estado, area, ubicacion,
                     proveedor, fecha_compra, garantia_hasta, precio, moneda, responsable, notas, bitlocker,
                     especificaciones)
SELECT 'TI-' || lpad(nextval('activos_codigo_seq')::text, 6, '0'),
       (SELECT min(id) FROM categorias WHERE nombre LIKE 'Bench%') + g % 12,
       'Equipo ' || g, (ARRAY['Dell', 'HP', 'Lenovo', 'Cisco'])[1 + g % 4], 'Modelo ' || (g % 97),
       'BENCH-SN-' || g,
       (ARRAY['Activo', 'En mantenimiento', 'En reparación', 'En almacén', 'Dado de baja'])[1 + g % 5],
       'Área ' || (g % 20), 'Piso ' || (g % 9), 'Proveedor ' || (g % 20),
       date '2018-01-01' + (g % 2000), current_date + (g % 1460) - 30, (g % 5000) * 1.25,
       (ARRAY['EUR', 'USD', 'MXN'])[1 + g % 3], 'Responsable ' || (g % 300),
       CASE WHEN g % 3 = 0 THEN 'Nota del equipo ' || g END, (ARRAY['enabled', 'disabled', 'unknown'])[1 + g % 3],
       jsonb_build_object('cpu', 'Intel i' || (3 + g % 7), 'ram', 4 * (1 + g % 16), 'disco', (g % 4) || 'TB')
FROM generate_series(1, :assets) g;

INSERT INTO mantenimientos (activo_id, tipo, titulo, estado, fecha_programada)
SELECT a.id, (ARRAY['preventivo', 'correctivo', 'emergencia'])[1 + a.id % 3], 'Revisión de ' || a.codigo,
       (ARRAY['programado', 'en_progreso', 'completado', 'cancelado'])[1 + a.id % 4],
       current_date + (a.id % 400)::int - 200
FROM activos a WHERE a.numero_serie LIKE 'BENCH-SN-%';

INSERT INTO auditoria (actor_email, accion, entidad, entidad_id, despues, request_id, direccion_cliente)
SELECT 'bench@bench.local', (ARRAY['crear', 'actualizar'])[1 + k], 'activo', a.id::text,
       jsonb_build_object('nombre', a.nombre), md5(a.id::text || k), '127.0.0.1'
FROM activos a CROSS JOIN generate_series(0, 1) k
WHERE a.numero_serie LIKE 'BENCH-SN-%';
