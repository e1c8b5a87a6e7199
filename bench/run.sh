#!/usr/bin/env bash
# Asset-list benchmark: loads N demo assets (default 100 000) into a fresh embedded database, starts
# the server on 127.0.0.1, and measures list / filter / sort / text / spec queries through the API
# at C concurrent clients (default 16) and the same SQL straight over JDBC, in the same run.
#
#   bench/run.sh                       # 100 000 assets, 16 clients, 10 s per scenario
#   N=20000 C=8 SECONDS_PER=5 bench/run.sh
#
# Everything stays on loopback; the data directory is temporary and removed at the end
# (KEEP=1 keeps it). Prints markdown tables: copy them into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-100000}"
C="${C:-16}"
SECONDS_PER="${SECONDS_PER:-10}"
PORT="${PORT:-18080}"
JAR=target/inventario.jar

[[ -f "$JAR" ]] || ./mvnw -q package -DskipTests
data="$(mktemp -d /tmp/inventario-bench.XXXXXX)"
lib="$data/lib"
mkdir -p "$lib"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/postgresql-*.jar' -d "$lib"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$data"; else echo "data kept in $data"; fi
}
trap cleanup EXIT

export INVENTARIO_DATA_DIR="$data/data"
unset DB_HOST DB_PORT DB_NAME DB_USER DB_PASS
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
echo "== demo data: $N assets"
start=$(date +%s%N)
java -jar "$JAR" demo-data --activos "$N" --seed 42 | grep -E '^(Added|Removed)'
echo "demo-data wall time incl. JVM start and the embedded PostgreSQL's first initdb:" \
  "$(( ($(date +%s%N) - start) / 1000000 )) ms"

export BENCH_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
java -jar "$JAR" usuarios crear-admin --email bench@inventario.local --password-env BENCH_PASSWORD >/dev/null

PORT="$PORT" java -jar "$JAR" --server.address=127.0.0.1 --logging.level.root=warn >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$data/server.log"; exit 1; }
pg_port="$(sed -n 4p "$INVENTARIO_DATA_DIR/postgres/postmaster.pid" | tr -d ' ')"

java -cp "$lib/*" bench/ApiBench.java \
  "http://127.0.0.1:$PORT" "jdbc:postgresql://127.0.0.1:$pg_port/inventario?user=postgres" \
  bench@inventario.local "$C" "$SECONDS_PER"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
