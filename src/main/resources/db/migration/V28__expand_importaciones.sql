-- Expand (issue 18): the spreadsheet imports. One row per run (its file's name and SHA-256, the
-- options, the counts, the per-row report gzipped), and the assets each run created or updated
-- with their version right after it, so that an undo can tell whether a row changed since.
CREATE TABLE importaciones (
    id            uuid PRIMARY KEY,
    archivo       text        NOT NULL,
    sha256        char(64)    NOT NULL,
    formato       text        NOT NULL,
    modo          text        NOT NULL CHECK (modo IN ('crear', 'actualizar', 'ambos')),
    clave         text        NOT NULL CHECK (clave IN ('numero_serie', 'codigo')),
    todo_o_nada   boolean     NOT NULL,
    estado        text        NOT NULL CHECK (estado IN ('en_curso', 'completada', 'rechazada', 'fallida', 'deshecha')),
    filas         bigint      NOT NULL DEFAULT 0,
    creadas       bigint      NOT NULL DEFAULT 0,
    actualizadas  bigint      NOT NULL DEFAULT 0,
    sin_cambios   bigint      NOT NULL DEFAULT 0,
    rechazadas    bigint      NOT NULL DEFAULT 0,
    mensaje       text,
    resultado     jsonb,
    informe       bytea,
    actor         text        NOT NULL,
    iniciada_en   timestamptz NOT NULL DEFAULT now(),
    terminada_en  timestamptz
);

CREATE INDEX importaciones_iniciada_en ON importaciones (iniciada_en DESC);

-- No foreign key to activos: undoing a run deletes the assets it created.
CREATE TABLE importacion_activos (
    importacion_id uuid    NOT NULL REFERENCES importaciones (id) ON DELETE CASCADE,
    activo_id      bigint  NOT NULL,
    accion         text    NOT NULL CHECK (accion IN ('crear', 'actualizar')),
    version        integer NOT NULL,
    PRIMARY KEY (importacion_id, activo_id)
);
