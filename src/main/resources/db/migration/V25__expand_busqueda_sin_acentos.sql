-- V25 (expand): search that ignores case and accents ("sofia lopez" finds "Sofía López"), over the
-- especificaciones too, and spec filters that ignore case, accents and the space before a unit
-- ("spec.ram=16gb" finds "16GB" and "16 GB"); plus the estado an asset had before a maintenance
-- put it "En mantenimiento", so that finishing the maintenance gives that estado back.
-- Only a nullable column, functions and indexes: nothing here rewrites data. The V5 index
-- (activos_texto_trgm) stays for the code still running during a deploy; a later contract drops it.
--
-- unaccent() is STABLE (it finds its dictionary through the search_path) and PostgreSQL 17 runs
-- index expressions with search_path = pg_catalog, so the functions below are IMMUTABLE wrappers
-- that name the extension's function and dictionary by its schema, and call nothing else of ours
-- (a restore builds this schema under another name and renames it: a schema-qualified call to one
-- of our own functions would point at the wrong schema afterwards).

CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

DO
$$
DECLARE
    esquema text := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                     WHERE e.extname = 'unaccent');
    sin_acentos text;
BEGIN
    sin_acentos := format('lower(%I.unaccent(%L::regdictionary, %%s))', esquema, quote_ident(esquema) || '.unaccent');

    -- For queries: the same folding as the indexes.
    EXECUTE format($f$
        CREATE FUNCTION inventario_sin_acentos(texto text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $b$ SELECT %s $b$
        $f$, format(sin_acentos, 'texto'));

    -- The free text of an asset for the search box: its texts and its especificaciones' values.
    EXECUTE format($f$
        CREATE FUNCTION activos_busqueda(nombre text, marca text, modelo text, numero_serie text, codigo text,
                                         responsable text, notas text, especificaciones jsonb) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $b$ SELECT %s $b$
        $f$, format(sin_acentos, $t$coalesce(nombre, '') || ' ' || coalesce(marca, '') || ' ' || coalesce(modelo, '')
            || ' ' || coalesce(numero_serie, '') || ' ' || coalesce(codigo, '') || ' ' || coalesce(responsable, '')
            || ' ' || coalesce(notas, '') || ' '
            || coalesce((SELECT string_agg(v, ' ') FROM jsonb_each_text(CASE WHEN jsonb_typeof(especificaciones)
                = 'object' THEN especificaciones END) AS e(k, v)), '')$t$));

    -- The especificaciones as spec filters compare them: top-level text values lower-cased, without
    -- accents and without the space between a number and its unit ("16 GB" -> "16gb"); nested
    -- values lower-cased.
    EXECUTE format($f$
        CREATE FUNCTION especificaciones_comparables(j jsonb) RETURNS jsonb
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $b$
        SELECT CASE WHEN jsonb_typeof(j) = 'object' THEN
            (SELECT coalesce(jsonb_object_agg(k, CASE jsonb_typeof(v)
                    WHEN 'string' THEN to_jsonb(regexp_replace(%s, '^([0-9]+([.,][0-9]+)?)\s+([a-z]{1,4})$', '\1\3'))
                    WHEN 'object' THEN lower(v::text)::jsonb
                    WHEN 'array' THEN lower(v::text)::jsonb
                    ELSE v END), '{}'::jsonb)
             FROM jsonb_each(j) AS e(k, v))
            ELSE j END
        $b$
        $f$, format(sin_acentos, $t$btrim(v #>> '{}')$t$));
END
$$;

-- The indexes are on the JSONB column of this side of V3: before the contract (a V2.x production,
-- whose expand migrations run before V3 does) that is especificaciones_json, which V3 renames to
-- especificaciones, so the same indexes serve after it.
DO
$$
DECLARE
    columna text := (SELECT CASE WHEN data_type = 'jsonb' THEN 'especificaciones' ELSE 'especificaciones_json' END
                     FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'activos'
                       AND column_name = 'especificaciones');
BEGIN
    EXECUTE format('CREATE INDEX activos_busqueda_trgm ON activos USING gin (activos_busqueda(nombre, marca, modelo,'
        || ' numero_serie, codigo, responsable, notas, %I) gin_trgm_ops)', columna);
    EXECUTE format('CREATE INDEX activos_especificaciones_comparables ON activos'
        || ' USING gin (especificaciones_comparables(%I) jsonb_path_ops)', columna);
END
$$;

-- The estado before the maintenance in progress (null when none is in progress).
ALTER TABLE activos ADD COLUMN estado_antes_mantenimiento text;
