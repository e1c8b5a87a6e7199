-- V43 (expand): the audit log filters by what people see, an asset's code (issue 13). An update's
-- row records only what changed, so the asset's id is found through the rows that name its code
-- (its creation, its deletion), and its maintenance records through the rows that name the asset
-- (a record's creation); the rows are then read by id (auditoria_entidad_id_orden, V6).
-- Only adds indexes; runs on a V2.x database as on a V3 one.
CREATE INDEX auditoria_codigo_activo
    ON auditoria (upper(coalesce(despues->>'codigo', antes->>'codigo')))
    WHERE entidad = 'activo';
CREATE INDEX auditoria_activo_de_mantenimiento
    ON auditoria (coalesce(despues->>'activo_id', antes->>'activo_id'))
    WHERE entidad = 'mantenimiento';
