#!/usr/bin/env bash
# Benchmark of the web UI on ASSETS assets (default 100000), on the machine's PostgreSQL server,
# with the server's heap capped at 256 MiB:
#   - p50/p95/max response time of the dashboard, report and asset list pages (first page, a keyset
#     page 25 000 rows deep, page 500 by number, text search, a spec filter, a filter with a sort),
#     measured from loopback, against /healthz and the login page as baselines;
#   - the XLSX export of every asset: time, rows, size and the peak heap in use while it streams
#     (sampled with jstat), against the CSV export and a plain COPY of the same query as baselines.
# Usage: bench/ui.sh [ASSETS] [REQUESTS]   (PGHOST/PGPORT/PGUSER honoured; REQUESTS default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
assets="${1:-100000}"
requests="${2:-200}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="inventario_bench_ui_$$"
work="$(mktemp -d)"
port="${BENCH_PORT:-18765}"
base="http://127.0.0.1:$port"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  dropdb --if-exists "$db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
[[ -f target/inventario.jar ]] || ./mvnw -q package -DskipTests

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates every figure alike)"
echo "Preparing $assets assets on $PGHOST:$PGPORT ($(psql -XAtc 'SHOW server_version' postgres)) ..."
createdb "$db"
# start_server PANEL_CACHE: the packaged jar on $port, heap capped at 256 MiB
start_server() {
  env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_NAME="$db" DB_USER="$PGUSER" PORT="$port" \
    INVENTARIO_DATA_DIR="$work/data" INVENTARIO_ADMIN_EMAIL=bench-admin@bench.local \
    INVENTARIO_ADMIN_PASSWORD=bench-password-1 INVENTARIO_PANEL_CACHE="$1" \
    java -Xmx256m -jar target/inventario.jar >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$base/healthz" && break; sleep 1; done
  curl -fs -o /dev/null "$base/healthz" || { cat "$work/server.log"; exit 1; }
}
stop_server() {
  kill "$server" && wait "$server" 2>/dev/null || true
  server=""
}
start_server 15s
psql -X -q -v ON_ERROR_STOP=1 -v assets="$assets" -d "$db" -f bench/ui-data.sql
psql -X -q -d "$db" -c 'VACUUM ANALYZE'
echo "database: $(psql -XAt -d "$db" -c "SELECT pg_size_pretty(pg_database_size('$db'))"), \
$(psql -XAt -d "$db" -c 'SELECT count(*) FROM activos') assets"

jar="$work/cookies"
login() {
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode email=bench-admin@bench.local \
    --data-urlencode password=bench-password-1 --data-urlencode "_csrf=$token" "$base/login"
}
login

# p50 p95 max in ms of $requests sequential GETs (after 20 warm-up requests)
timing() {
  local path="$1" cookies="$jar" code
  [[ "$path" == /login ]] && cookies="$work/none"
  code=$(curl -s -b "$cookies" -o /dev/null -w '%{http_code}' "$base$path")
  [[ "$code" == 200 ]] || { echo "skip ($code)"; return; }
  for _ in $(seq 1 20); do curl -s -b "$cookies" -o /dev/null "$base$path"; done
  for _ in $(seq 1 "$requests"); do curl -s -b "$cookies" -o /dev/null -w '%{time_total}\n' "$base$path"; done \
    | sort -n | awk '{ t[NR] = $1 * 1000 } END {
        printf "p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms\n", t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
}

# A keyset cursor 25 000 rows deep (sort nombre), from the API, for the list's "next" link.
token=$(curl -s -H 'Content-Type: application/json' \
  -d '{"email":"bench-admin@bench.local","password":"bench-password-1"}' "$base/api/auth/login" \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
deep=$(curl -s -H "Authorization: Bearer $token" "$base/api/activos?sort=nombre&size=50&page=500" \
  | sed -n 's/.*"next_after":"\([^"]*\)".*/\1/p')
[[ -n "$deep" ]] || { echo "no keyset cursor from the API"; exit 1; }

echo
echo "Pages ($requests requests each, sequential, from loopback):"
for path in /healthz /login / /reportes/categoria /reportes/detalle /activos "/activos?sort=nombre&after=$deep" \
  "/activos?page=500" "/activos?q=Responsable%20127" "/activos?spec.ram=32" "/activos?estado=Activo&sort=precio,desc"; do
  label="$path"
  [[ "$path" == *after=* ]] && label="/activos?sort=nombre&after=<row 25 000>"
  printf "  %-40s %s\n" "$label" "$(timing "$path")"
done

pid=$server
export_run() {
  local path="$1" out="$2" peak=0 start end
  jstat -gc "$pid" 100 > "$work/jstat.log" 2>/dev/null &
  local sampler=$!
  start=$(date +%s.%N)
  curl -s -b "$jar" -o "$out" "$base$path"
  end=$(date +%s.%N)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used }
              END { printf "%.0f", max / 1024 }' "$work/jstat.log")
  printf "%.2f s, %s, peak heap in use %s MiB (of -Xmx256m)" "$(echo "$end - $start" | bc)" \
    "$(du -h "$out" | cut -f1)" "$peak"
}

echo
echo "Export of every asset:"
echo "  XLSX  $(export_run /reportes/detalle.xlsx "$work/all.xlsx")"
echo "  CSV   $(export_run /reportes/detalle.csv "$work/all.csv")"
start=$(date +%s.%N)
psql -XAq -d "$db" -c "\\copy (SELECT a.codigo, a.nombre, c.nombre, a.marca, a.modelo, a.numero_serie, a.estado,
  a.area, a.ubicacion, a.responsable, a.proveedor, a.fecha_compra, a.garantia_hasta, a.precio, a.moneda, a.bitlocker,
  a.especificaciones FROM activos a JOIN categorias c ON c.id = a.categoria_id ORDER BY a.codigo) TO '$work/copy.csv' CSV"
end=$(date +%s.%N)
printf "  COPY  %.2f s (psql \\\\copy of the same query: the database's floor)\n" "$(echo "$end - $start" | bc)"
echo "  rows in the CSV export: $(($(wc -l < "$work/all.csv") - 1))"
grep -q "OutOfMemoryError" "$work/server.log" && { echo "the server ran out of heap"; exit 1; }
stop_server
start_server 0s
login
echo
echo "Dashboard without its cache (inventario.panel.cache=0s: every request recounts):"
printf "  %-22s %s\n" / "$(timing /)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "done"
