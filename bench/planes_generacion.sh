#!/usr/bin/env bash
# Benchmark: preventive plan generation (issue 16). Runs PlanesBenchmarkTest against a fresh test
# database of the machine's PostgreSQL: ASSETS assets of one category (1 % retired), 5 plans on it
# created through POST /api/planes (each generates its records inside the 60-day horizon), then the
# generar-planes job over all of them again (must create 0), then the baseline: the same rows
# written by one plain INSERT … SELECT. Prints the test's BENCH line, the CPU seconds of the Maven
# run and the load average before and after; drops the database it made. Goal: generation < 30 s
# for 100 000 assets.
# Usage: bench/planes_generacion.sh [ASSETS]   (default 100000; not part of ./mvnw verify)
set -euo pipefail
cd "$(dirname "$0")/.."
assets="${1:-100000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="inventario_test_planes_bench_$$"
work="$(mktemp -d)"
cleanup() { dropdb --if-exists "$db" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export INVENTARIO_TEST_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
/usr/bin/time -f "%e %U %S" -o "$work/time" ./mvnw -q -o test -Dtest=PlanesBenchmarkTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.planes.activos="$assets" >"$work/log" 2>&1 \
  || { cat "$work/log" >&2; exit 1; }
grep '^BENCH' "$work/log"
read -r wall user sys <"$work/time"
echo "maven run (JVM start, Spring context, assets inserted, 5 plans generated, rerun, baseline): wall ${wall}s," \
  "CPU $(echo "$user + $sys" | bc)s"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
