-- V41 (expand): calendar rules and technician rotation for plans, a checklist ticked per task on
-- maintenance records. Only additions (nullable or defaulted columns, checks on new columns):
-- works on either side of V3, since neither table holds especificaciones.

-- A calendar rule: the due date of each step is the Nth (1-4, or -1 = last) weekday (1 = Monday
-- … 7 = Sunday, ISO) of the step's month — "first Monday of each quarter" is cada 3 meses with
-- regla_ordinal 1 and regla_dia_semana 1. Only with unidad 'meses'.
ALTER TABLE planes
    ADD COLUMN regla_ordinal    smallint CHECK (regla_ordinal IN (1, 2, 3, 4, -1)),
    ADD COLUMN regla_dia_semana smallint CHECK (regla_dia_semana BETWEEN 1 AND 7),
    -- technicians in turn: the k-th due date goes to rotacion[k mod n]; empty = tecnico_id
    ADD COLUMN rotacion         bigint[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT planes_regla_completa CHECK ((regla_ordinal IS NULL) = (regla_dia_semana IS NULL)),
    ADD CONSTRAINT planes_regla_mensual CHECK (regla_ordinal IS NULL OR unidad = 'meses');

-- The record's checklist: [{"tarea": text, "resultado": null | "hecha" | "no_hecha" | "no_aplica",
-- "nota": text | null}], copied from the plan when generated, ticked when the record is completed.
ALTER TABLE mantenimientos
    ADD COLUMN checklist jsonb CHECK (checklist IS NULL OR jsonb_typeof(checklist) = 'array');
