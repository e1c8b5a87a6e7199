-- V49 (expand): saved column mappings of the spreadsheet import (importacion/): a name and the
-- header → field choices of the import page, applied again to the next file with those headers.
-- A new table only, so it runs on both sides of V3.
CREATE TABLE importacion_mapeos (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nombre         text        NOT NULL,
    columnas       jsonb       NOT NULL,
    actor          text,
    actualizado_en timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX importacion_mapeos_nombre_idx ON importacion_mapeos (lower(nombre));
