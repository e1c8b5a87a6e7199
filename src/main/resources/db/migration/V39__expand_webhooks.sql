-- V39 (expand): webhook subscriptions managed at /api/webhooks (notificaciones/), replacing the one
-- webhook of INVENTARIO_WEBHOOK_URL (imported into this table at start-up, origen 'propiedades').
-- Named ops_* like the outbox: an installation's receivers and their HMAC secrets are not data to
-- copy into backups, and a production backup restored into staging must not post to production's
-- receivers. Touches no activos column, so it runs on both sides of V3.
CREATE TABLE ops_webhooks (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    nombre               text        NOT NULL,
    url                  text        NOT NULL,
    -- NULL: every event
    eventos              text[],
    formato              text        NOT NULL DEFAULT 'json' CHECK (formato IN ('json', 'slack', 'teams')),
    secreto              text        NOT NULL,
    activo               boolean     NOT NULL DEFAULT true,
    fallos_seguidos      integer     NOT NULL DEFAULT 0,
    desactivado_en       timestamptz,
    motivo_desactivacion text,
    origen               text        NOT NULL DEFAULT 'api' CHECK (origen IN ('api', 'propiedades')),
    creado_en            timestamptz NOT NULL DEFAULT now(),
    actualizado_en       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ops_webhooks_propiedades_idx ON ops_webhooks (origen) WHERE origen = 'propiedades';

-- The subscription a webhook notification goes to (NULL: a row queued before V39, for the old URL).
ALTER TABLE ops_notificaciones ADD COLUMN webhook_id bigint REFERENCES ops_webhooks (id) ON DELETE SET NULL;
CREATE INDEX ops_notificaciones_webhook_idx ON ops_notificaciones (webhook_id) WHERE webhook_id IS NOT NULL;
