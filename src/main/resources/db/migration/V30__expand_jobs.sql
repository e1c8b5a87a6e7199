-- V30 (expand): the scheduler's state (jobs/). Named ops_* because it is per-installation runtime
-- state: backups leave it out, so a restored copy neither inherits locks nor another system's runs.

-- ShedLock's table (JDBC provider): one row per job name; a run holds the row until lock_until.
CREATE TABLE ops_jobs_cerrojos (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- Every run of a job: which, where, when, how long, and how it ended.
CREATE TABLE ops_jobs_ejecuciones (
    id        bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job       varchar(64)  NOT NULL,
    instancia varchar(255) NOT NULL,
    origen    varchar(16)  NOT NULL CHECK (origen IN ('programado', 'manual')),
    inicio    timestamptz  NOT NULL,
    fin       timestamptz,
    resultado varchar(16)  NOT NULL CHECK (resultado IN ('en_curso', 'ok', 'error')),
    detalle   text
);
CREATE INDEX ops_jobs_ejecuciones_job_idx ON ops_jobs_ejecuciones (job, inicio DESC);
