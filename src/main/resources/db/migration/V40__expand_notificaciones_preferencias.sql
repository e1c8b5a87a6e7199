-- V40 (expand): per-user notification preferences (notificaciones/): the language e-mails are
-- written in and the kinds a user unsubscribed from (a preferences page, or the one-click link in
-- each e-mail). No row: Spanish, every kind. A user's data, so backups keep it (no ops_ prefix).
-- Touches no activos column, so it runs on both sides of V3.
CREATE TABLE notificaciones_preferencias (
    usuario_id     bigint      PRIMARY KEY REFERENCES usuarios (id) ON DELETE CASCADE,
    idioma         text        NOT NULL DEFAULT 'es' CHECK (idioma IN ('es', 'en')),
    desactivados   text[]      NOT NULL DEFAULT '{}',
    actualizado_en timestamptz NOT NULL DEFAULT now()
);
