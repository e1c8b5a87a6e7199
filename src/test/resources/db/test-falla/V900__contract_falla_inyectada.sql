-- TEST ONLY (never in src/main): a contract migration that changes the schema and then fails,
-- to prove a failed migration leaves schema and flyway_schema_history exactly as they were.
CREATE TABLE falla_inyectada (id bigint PRIMARY KEY);
ALTER TABLE activos ADD COLUMN falla_inyectada text;
UPDATE activos SET falla_inyectada = 'x';
DO $$ BEGIN RAISE EXCEPTION 'injected migration failure'; END $$;
