-- V6 (expand): indexes for the maintenance lists (filters, due and overdue, sorts), the rule
-- "an asset with a maintenance in progress is En mantenimiento", and the audit queries.

CREATE INDEX mantenimientos_en_progreso_idx ON mantenimientos (activo_id) WHERE estado = 'en_progreso';
CREATE INDEX mantenimientos_fecha_orden ON mantenimientos (coalesce(fecha_programada, '-infinity'::date), id);
CREATE INDEX mantenimientos_abiertos_fecha ON mantenimientos (coalesce(fecha_programada, '-infinity'::date), id)
    WHERE estado IN ('programado', 'en_progreso');
CREATE INDEX mantenimientos_estado_orden ON mantenimientos (estado, id);
CREATE INDEX mantenimientos_tipo_orden ON mantenimientos (tipo, id);
CREATE INDEX mantenimientos_titulo_orden ON mantenimientos (lower(titulo), id);
CREATE INDEX mantenimientos_tecnico_idx ON mantenimientos (tecnico_id, id);
CREATE INDEX mantenimientos_created_at_orden ON mantenimientos (created_at, id);
CREATE INDEX mantenimientos_demo_idx ON mantenimientos (id) WHERE demo;

CREATE INDEX auditoria_entidad_id_orden ON auditoria (entidad, entidad_id, id DESC);
CREATE INDEX auditoria_entidad_orden ON auditoria (entidad, id DESC);
CREATE INDEX auditoria_actor_email_orden ON auditoria (lower(actor_email), id DESC);
