#!/usr/bin/env bash
# Benchmark of the maintenance window (issues 5, 10): 100 000 assets in the V2.1 state (the seed's
# production before the final migration) on the machine's PostgreSQL server, the release serving it
# (started before the window, as on a real host), then ops/execute_final_migration.sh (maintenance on, backup + test restore,
# stop, V3 with `migrate apply --contract`, start, readiness, smoke, maintenance off) against a
# temporary deploy root with the test stand-in systemctl. Prints each step's duration and the whole
# window, the time writes were paused (maintenance on -> off) and the service was down (stop ->
# the new start ready), and times V3 alone against a plain single-statement conversion on copies of the same
# database, in the same run.
#   usage: bench/maintenance_window.sh [ASSETS]      (needs target/inventario.jar: ./mvnw package)
set -euo pipefail
cd "$(dirname "$0")/.."
assets="${1:-100000}"
pg="${BENCH_PG:-postgresql://postgres@127.0.0.1:5432}"
jar="$PWD/target/inventario.jar"
work="$(mktemp -d "${TMPDIR:-/tmp}/inventario-bench.XXXXXX")"
db=inventario_bench_window
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cleanup() {
  FAKE_SYSTEMD_DIR="$work/systemd" INVENTARIO_ROOT="$work/root" "$work/bin/systemctl" stop inventario >/dev/null 2>&1 || true
  for d in "$db" "${db}_v3" "${db}_plain"; do psql "$pg/postgres" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== $assets assets in the V2.1 state (PostgreSQL $(psql "$pg/postgres" -Atc 'SHOW server_version'))"
psql "$pg/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
export DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME=$db DB_USER=postgres DB_PASS=trust-auth-ignores-it
java -jar "$jar" migrate apply --target 2.1 >/dev/null
start=$(date +%s.%N)
psql "$pg/$db" <<SQL
INSERT INTO categorias (nombre) VALUES ('Laptop');
INSERT INTO activos (codigo, categoria_id, nombre, numero_serie, especificaciones)
SELECT 'TI-' || lpad(i::text, 7, '0'), (SELECT min(id) FROM categorias), 'Equipo ' || i, 'SN-' || i,
       CASE WHEN i % 100 = 0 THEN '{cpu: i7, ram 16' WHEN i % 101 = 0 THEN '' ELSE
       json_build_object('cpu', 'i' || (3 + i % 3 * 2), 'ram', (8 * (1 + i % 4)) || 'GB', 'disco', '512GB SSD',
                         'service_tag', 'ST' || i)::text END
FROM generate_series(1, $assets) i;
ANALYZE;
SQL
printf "   loaded in %.1f s; %s\n" "$(echo "$(date +%s.%N) - $start" | bc)" \
  "$(psql "$pg/$db" -Atc "SELECT 'size ' || pg_size_pretty(pg_database_size(current_database()))")"

echo "== V3 alone vs a plain single-statement conversion (copies of the same database)"
for d in "${db}_v3" "${db}_plain"; do psql "$pg/postgres" -c "CREATE DATABASE $d TEMPLATE $db"; done
t0=$(date +%s%N)
psql "$pg/${db}_v3" -1 -f src/main/resources/db/migration/V3__contract_especificaciones.sql
t1=$(date +%s%N)
psql "$pg/${db}_plain" -1 <<'SQL'
DROP TRIGGER activos_cuarentena_especificaciones ON activos;
DROP TRIGGER activos_sincronizar_especificaciones ON activos;
ALTER TABLE activos ALTER COLUMN especificaciones TYPE jsonb
  USING coalesce((especificaciones_parse(especificaciones)).valor, '{}');
SQL
t2=$(date +%s%N)
v3_ms=$(( (t1 - t0) / 1000000 )); plain_ms=$(( (t2 - t1) / 1000000 ))
echo "   V3 (preconditions, drop text + sync, rename, NOT NULL, check, GIN index): ${v3_ms} ms"
echo "   plain: drop the sync triggers + one ALTER COLUMN TYPE jsonb (no checks, no index): ${plain_ms} ms"
echo "   ratio V3 / plain: $(echo "scale=2; $v3_ms / $plain_ms" | bc)"

echo "== the maintenance window (ops/execute_final_migration.sh)"
mkdir -p "$work/bin" "$work/systemd" "$work/root/releases"
cp src/test/resources/deploy/systemctl "$work/bin/systemctl"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/systemd/env" <<ENV
DB_HOST='127.0.0.1'
DB_PORT='5432'
DB_NAME='$db'
DB_USER='postgres'
DB_PASS='trust-auth-ignores-it'
JWT_SECRET='bench-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')'
PORT='$port'
SPRING_PROFILES_ACTIVE='prod'
INVENTARIO_DATA_DIR='$work/data'
ENV
version=$(java -jar "$jar" version | head -1 | awk '{print $2}')
mkdir -p "$work/root/releases/$version/bin"
cp "$jar" "$work/root/releases/$version/inventario.jar"
cp src/main/resources/despliegue/release-bin-inventario "$work/root/releases/$version/bin/inventario"
cp src/main/resources/despliegue/inventario-start "$work/root/inventario-start"
chmod +x "$work/root/releases/$version/bin/inventario" "$work/root/inventario-start"
ln -s "releases/$version" "$work/root/current"
chmod 600 "$work/systemd/env"
export PATH="$work/bin:$PATH" FAKE_SYSTEMD_DIR="$work/systemd" INVENTARIO_ROOT="$work/root" \
  INVENTARIO_ENV_FILE="$work/systemd/env" INVENTARIO_URL="http://127.0.0.1:$port"
echo "== start the release on the V2.1 database (it serves it as is), as production runs before the window"
"$work/bin/systemctl" start inventario
for _ in $(seq 1 300); do
  curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
set +e
ops/execute_final_migration.sh | tee "$work/run.log" | sed -n '/^Maintenance run/,$p'
code=${PIPESTATUS[0]}
set -e
echo "   exit code $code"
# From the journal's timestamps (each step's line is written when it ends): writes are paused from
# the end of "maintenance on" to the end of "maintenance off"; the service is down from the start of
# "stop" (the end of the step before it) to the end of "readiness".
python3 - "$(ls "$work/root/journal"/maintenance-*.log | head -1)" <<'PY'
import re, sys
from datetime import datetime
ends, order = {}, []
for line in open(sys.argv[1]):
    m = re.match(r"(\S+)\s+(?:\s*\d+\.\s+)?(OK|FAILED|SKIPPED)\s+(.+?)\s{2,}", line)
    if m:
        t = datetime.fromisoformat(re.sub(r"(\.\d{6})\d+", r"\1", m.group(1)).replace("Z", "+00:00"))
        ends[m.group(3)] = t
        order.append((m.group(3), t))
names = [n for n, _ in order]
def before(step):
    i = names.index(step)
    return order[i - 1][1]
paused = (ends["maintenance off"] - ends["maintenance on"]).total_seconds()
down = (ends["readiness"] - before("stop")).total_seconds() if "stop" in ends and "readiness" in ends else 0.0
print(f"   writes paused: {paused:.1f} s (goal < 60 s); service down: {down:.1f} s (goal < 15 s)")
PY
psql "$pg/$db" -Atc "SELECT 'after: ' || count(*) || ' assets, ' || count(*) FILTER (WHERE especificaciones <> '{}')
  || ' with specifications, ' || (SELECT count(*) FROM especificaciones_cuarentena) || ' quarantined' FROM activos"
exit "$code"
