-- V3 (contract, destructive): the final especificaciones migration.
-- Refuses unless every non-empty legacy text is converted (equal as jsonb) or quarantined and no
-- converted value differs; then drops the TEXT column and the sync, and makes the JSONB column
-- the only especificaciones: NOT NULL DEFAULT '{}', always an object, GIN-indexed.
-- Runs only in a maintenance window (`inventario maintenance run`), never at start-up on data.

DO
$$
DECLARE
    e record;
BEGIN
    SELECT * INTO e FROM especificaciones_estado_migracion();
    IF e.discrepancias > 0 OR e.sin_convertir > 0 THEN
        RAISE EXCEPTION 'V3 precondition failed: % mismatches, % texts neither converted nor quarantined (asset ids: %)',
            e.discrepancias, e.sin_convertir, array_to_string(e.ids_problema, ', ')
            USING ERRCODE = 'check_violation';
    END IF;
END
$$;

DROP TRIGGER activos_cuarentena_especificaciones ON activos;
DROP TRIGGER activos_sincronizar_especificaciones ON activos;
DROP FUNCTION activos_cuarentena_especificaciones();
DROP FUNCTION activos_sincronizar_especificaciones();
DROP FUNCTION especificaciones_estado_migracion();

ALTER TABLE activos DROP COLUMN especificaciones;
ALTER TABLE activos RENAME COLUMN especificaciones_json TO especificaciones;
UPDATE activos SET especificaciones = '{}' WHERE especificaciones IS NULL;
ALTER TABLE activos
    ALTER COLUMN especificaciones SET DEFAULT '{}',
    ALTER COLUMN especificaciones SET NOT NULL,
    ADD CONSTRAINT activos_especificaciones_objeto CHECK (jsonb_typeof(especificaciones) = 'object');
CREATE INDEX activos_especificaciones_gin ON activos USING gin (especificaciones jsonb_path_ops);
