-- TEST ONLY (never in src/main): a contract migration that succeeds, shipped by a release whose
-- smoke test fails, so the maintenance run must restore the backup to undo it.
ALTER TABLE activos ADD COLUMN prueba_rollback text;
