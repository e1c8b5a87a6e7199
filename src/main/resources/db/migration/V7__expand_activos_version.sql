-- V7 (expand): a change counter of the activos table for the asset list's count cache.
-- Every statement that changes activos bumps it in the same transaction; writers serialise on the
-- one row, so a snapshot that reads version N sees exactly the assets of every write up to N, and
-- a total counted under N is exact for every later reader of N. Named ops_*: operational state
-- that backups leave out (see V10); a restore's own writes bump it again.
CREATE TABLE ops_activos_version (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    n  bigint  NOT NULL
);
INSERT INTO ops_activos_version (n) VALUES (0);

CREATE FUNCTION activos_nueva_version() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE ops_activos_version SET n = n + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER activos_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activos
    FOR EACH STATEMENT EXECUTE FUNCTION activos_nueva_version();
