#!/usr/bin/env bash
# Benchmark of custody (issue 15) on ASSETS assets (default 20000), on the machine's PostgreSQL
# server, with the server's heap capped at 256 MiB:
#   - p50/p95/max of a person's page and of GET /api/personas/{id}/activos for a person holding 200
#     assets (and 200 returned before), against /healthz and a person holding nothing as baselines;
#   - one check-out of 1 000 assets at once (POST /api/asignaciones, the most per operation) and
#     their return, against a check-out and return of 1 asset.
# Usage: bench/custodia.sh [ASSETS] [REQUESTS]   (PGHOST/PGPORT/PGUSER honoured; REQUESTS default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
assets="${1:-20000}"
requests="${2:-200}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="inventario_bench_custodia_$$"
work="$(mktemp -d)"
port="${BENCH_PORT:-18766}"
base="http://127.0.0.1:$port"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  dropdb --if-exists "$db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
[[ -f target/inventario.jar ]] || ./mvnw -q package -DskipTests

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
createdb "$db"
env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_NAME="$db" DB_USER="$PGUSER" PORT="$port" \
  INVENTARIO_DATA_DIR="$work/data" INVENTARIO_ADMIN_EMAIL=bench-admin@bench.local \
  INVENTARIO_ADMIN_PASSWORD=bench-password-1 java -Xmx256m -jar target/inventario.jar >>"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/healthz" && break; sleep 1; done
curl -fs -o /dev/null "$base/healthz" || { cat "$work/server.log"; exit 1; }

psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
INSERT INTO categorias (nombre) VALUES ('Bench custodia');
INSERT INTO activos (codigo, categoria_id, nombre, marca, modelo, numero_serie, estado, especificaciones)
SELECT 'TI-' || lpad(nextval('activos_codigo_seq')::text, 6, '0'), (SELECT id FROM categorias WHERE nombre = 'Bench custodia'),
       'Equipo ' || g, 'Dell', 'Modelo ' || (g % 97), 'BENCH-SN-' || g, 'En almacén', '{}'::jsonb
FROM generate_series(1, $assets) g;
INSERT INTO personas (nombre, email) VALUES ('Bench Titular', 'titular@bench.local'), ('Bench Vacía', NULL),
                                            ('Bench Lote', 'lote@bench.local');
-- 200 held now, 200 returned before (the first 400 assets)
INSERT INTO asignaciones (activo_id, persona_id, estado_anterior, condicion_entrega, entregada_en, devolucion_prevista,
                          devuelta_en, condicion_devolucion)
SELECT a.id, (SELECT id FROM personas WHERE nombre = 'Bench Titular'), 'En almacén', 'bueno', now() - interval '30 days',
       current_date + (a.rn % 30)::int,
       CASE WHEN a.rn > 200 THEN now() - interval '1 day' END, CASE WHEN a.rn > 200 THEN 'bueno' END
FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM activos ORDER BY id LIMIT 400) a;
UPDATE activos SET persona_id = (SELECT id FROM personas WHERE nombre = 'Bench Titular'), estado = 'Activo'
WHERE id IN (SELECT activo_id FROM asignaciones WHERE devuelta_en IS NULL);
VACUUM ANALYZE;
SQL
titular=$(psql -XAt -d "$db" -c "SELECT id FROM personas WHERE nombre = 'Bench Titular'")
vacia=$(psql -XAt -d "$db" -c "SELECT id FROM personas WHERE nombre = 'Bench Vacía'")
lote=$(psql -XAt -d "$db" -c "SELECT id FROM personas WHERE nombre = 'Bench Lote'")
echo "database: $(psql -XAt -d "$db" -c 'SELECT count(*) FROM activos') assets; the person holds" \
  "$(psql -XAt -d "$db" -c "SELECT count(*) FROM activos WHERE persona_id = $titular") and returned" \
  "$(psql -XAt -d "$db" -c "SELECT count(*) FROM asignaciones WHERE persona_id = $titular AND devuelta_en IS NOT NULL")"

jar="$work/cookies"
csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode email=bench-admin@bench.local \
  --data-urlencode password=bench-password-1 --data-urlencode "_csrf=$csrf" "$base/login"
token=$(curl -s -H 'Content-Type: application/json' \
  -d '{"email":"bench-admin@bench.local","password":"bench-password-1"}' "$base/api/auth/login" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

# p50 p95 max in ms of $requests sequential GETs (after 20 warm-up requests)
timing() {
  local path="$1" auth=(-b "$jar")
  [[ "$path" == /api/* ]] && auth=(-H "Authorization: Bearer $token")
  code=$(curl -s "${auth[@]}" -o /dev/null -w '%{http_code}' "$base$path")
  [[ "$code" == 200 ]] || { echo "skip ($code)"; return; }
  for _ in $(seq 1 20); do curl -s "${auth[@]}" -o /dev/null "$base$path"; done
  for _ in $(seq 1 "$requests"); do curl -s "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$base$path"; done \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END {
        printf "p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
}
echo
echo "Reads ($requests requests each, sequential, from loopback):"
for path in /healthz "/personas/$vacia" "/personas/$titular" "/api/personas/$vacia/activos" "/api/personas/$titular/activos"; do
  printf "  %-36s %s\n" "$path" "$(timing "$path")"
done

post() {
  local path="$1" body="$2" start end code
  start=$(date +%s.%N)
  code=$(curl -s -o "$work/out.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$body" "$base$path")
  end=$(date +%s.%N)
  printf "%s in %.2f s" "$code" "$(echo "$end - $start" | bc)"
}
one=$(psql -XAt -d "$db" -c "SELECT id FROM activos WHERE persona_id IS NULL ORDER BY id DESC LIMIT 1")
ids=$(psql -XAt -d "$db" -c "SELECT string_agg(id::text, ',') FROM (SELECT id FROM activos WHERE persona_id IS NULL
  AND id <> $one ORDER BY id DESC LIMIT 1000) a")
echo
echo "Check-out and return:"
echo "  1 asset       out $(post /api/asignaciones "{\"activo_ids\": [$one], \"persona_id\": $lote, \"condicion\": \"bueno\"}")" \
  "  back $(post /api/asignaciones/devolucion "{\"activo_ids\": [$one], \"condicion\": \"bueno\"}")"
echo "  1 000 assets  out $(post /api/asignaciones "{\"activo_ids\": [$ids], \"persona_id\": $lote, \"condicion\": \"bueno\"}")" \
  "  back $(post /api/asignaciones/devolucion "{\"activo_ids\": [$ids], \"condicion\": \"bueno\"}")"
acta=$(sed -n 's/.*"acta_id":\([0-9]*\).*/\1/p' "$work/out.json")
start=$(date +%s.%N)
curl -s -H "Authorization: Bearer $token" -o "$work/acta.pdf" "$base/api/actas/$acta/pdf"
end=$(date +%s.%N)
printf "  receipt of the 1 000-asset return: %s in %.2f s\n" "$(du -h "$work/acta.pdf" | cut -f1)" "$(echo "$end - $start" | bc)"
