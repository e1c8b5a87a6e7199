-- V32 (expand): the notifications outbox (notificaciones/). A row is written in the same
-- transaction as the event that causes it and delivered later by the entregar-notificaciones job,
-- at least once, with retries and back-off; the unique clave deduplicates. Named ops_* so that a
-- backup restored into staging does not deliver production's pending notifications again.
CREATE TABLE ops_notificaciones (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    canal           text        NOT NULL CHECK (canal IN ('email', 'webhook')),
    destino         text        NOT NULL,
    evento          text        NOT NULL,
    asunto          text,
    cuerpo          text        NOT NULL,
    clave           text        NOT NULL UNIQUE,
    estado          text        NOT NULL DEFAULT 'pendiente' CHECK (estado IN ('pendiente', 'enviada', 'fallida')),
    intentos        integer     NOT NULL DEFAULT 0,
    proximo_intento timestamptz NOT NULL DEFAULT now(),
    ultimo_error    text,
    creada_en       timestamptz NOT NULL DEFAULT now(),
    enviada_en      timestamptz
);
CREATE INDEX ops_notificaciones_pendientes_idx ON ops_notificaciones (proximo_intento) WHERE estado = 'pendiente';
