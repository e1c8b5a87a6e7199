-- V4 (expand): the categories every installation starts with (DESIGN §4), each with a JSON Schema
-- (draft 2020-12) for its especificaciones. An installation that already has a category of the
-- same name keeps its own. Extra keys stay allowed: the schema types what it names.

INSERT INTO categorias (nombre, descripcion, esquema)
VALUES
    ('Laptop', 'Equipos portátiles',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "cpu": {"type": "string", "minLength": 1, "maxLength": 200, "description": "Procesador"},
         "ram": {"type": "string", "pattern": "^[0-9]+ ?(MB|GB|TB)$", "description": "Memoria, p. ej. 16GB"},
         "disco": {"type": "string", "maxLength": 200, "description": "Almacenamiento, p. ej. 512GB SSD"},
         "service_tag": {"type": "string", "maxLength": 100, "description": "Etiqueta de servicio del fabricante"}},
       "required": ["cpu", "ram"]}'),
    ('PC de Escritorio', 'Equipos de escritorio',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "cpu": {"type": "string", "minLength": 1, "maxLength": 200, "description": "Procesador"},
         "ram": {"type": "string", "pattern": "^[0-9]+ ?(MB|GB|TB)$", "description": "Memoria, p. ej. 16GB"},
         "disco": {"type": "string", "maxLength": 200, "description": "Almacenamiento, p. ej. 1TB HDD"},
         "service_tag": {"type": "string", "maxLength": 100, "description": "Etiqueta de servicio del fabricante"}},
       "required": ["cpu", "ram"]}'),
    ('Servidor', 'Servidores físicos',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "cpu": {"type": "string", "minLength": 1, "maxLength": 200, "description": "Procesadores"},
         "ram": {"type": "string", "pattern": "^[0-9]+ ?(MB|GB|TB)$", "description": "Memoria, p. ej. 256GB"},
         "disco": {"type": "string", "maxLength": 200, "description": "Almacenamiento"},
         "service_tag": {"type": "string", "maxLength": 100, "description": "Etiqueta de servicio del fabricante"}},
       "required": ["cpu", "ram"]}'),
    ('Switch', 'Conmutadores de red',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "numero_puertos": {"type": "integer", "minimum": 1, "maximum": 1024, "description": "Puertos"},
         "administrable": {"type": "boolean"},
         "velocidad": {"type": "string", "maxLength": 50, "description": "p. ej. 1G, 10G"}},
       "required": ["numero_puertos"]}'),
    ('Router', 'Enrutadores',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "firmware": {"type": "string", "maxLength": 100},
         "numero_puertos": {"type": "integer", "minimum": 1, "maximum": 1024},
         "mac": {"type": "string", "pattern": "^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$"}}}'),
    ('Monitor', 'Pantallas',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "resolucion": {"type": "string", "pattern": "^[0-9]{3,5}x[0-9]{3,5}$", "description": "p. ej. 1920x1080"},
         "pulgadas": {"type": "number", "minimum": 5, "maximum": 150}}}'),
    ('Teléfono', 'Teléfonos móviles y fijos',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "imei": {"type": "string", "pattern": "^[0-9]{15}$"},
         "mac": {"type": "string", "pattern": "^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$"}}}'),
    ('Impresora', 'Impresoras y multifuncionales',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "ppm": {"type": "integer", "minimum": 1, "maximum": 500, "description": "Páginas por minuto"}}}'),
    ('YubiKey', 'Llaves de seguridad',
     '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
       "properties": {
         "gid": {"type": "string", "minLength": 1, "maxLength": 100, "description": "Identificador de la llave"}},
       "required": ["gid"]}')
ON CONFLICT (lower(nombre)) DO NOTHING;
