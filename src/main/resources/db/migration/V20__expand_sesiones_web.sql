-- V20 (expand): browser sessions shared by every instance (Spring Session JDBC).
-- Named ops_* because they are per-deployment runtime state: backups leave them out, so a restore
-- signs everyone out instead of reviving the source system's sessions.
-- Same shape as Spring Session's schema-postgresql.sql; Flyway is the only source of schema.

CREATE TABLE ops_sesiones_web (
    primary_id            char(36)     NOT NULL,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval integer      NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT ops_sesiones_web_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX ops_sesiones_web_ix1 ON ops_sesiones_web (session_id);
CREATE INDEX ops_sesiones_web_ix2 ON ops_sesiones_web (expiry_time);
CREATE INDEX ops_sesiones_web_ix3 ON ops_sesiones_web (principal_name);

CREATE TABLE ops_sesiones_web_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT ops_sesiones_web_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT ops_sesiones_web_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES ops_sesiones_web (primary_id) ON DELETE CASCADE
);
