#!/usr/bin/env bash
# Benchmark: the spreadsheet import (issue 18). Runs ImportacionBenchmarkTest against a fresh test
# database of the machine's PostgreSQL with the heap capped (-Xmx256m): a CSV of ROWS new laptops is
# previewed and then imported (skipping errors), then API_ROWS more are created one request each
# through POST /api/activos (the full MVC and security stack, in process) for comparison. Prints
# the test's BENCH line (seconds, rows/s, heap peaks), the CPU seconds of the whole Maven run and
# the load average before and after; drops the database it made.
# Usage: bench/spreadsheet-import.sh [ROWS] [API_ROWS]   (defaults 100000 and 2000; not part of ./mvnw verify)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
api="${2:-2000}"
heap="${BENCH_HEAP:--Xmx256m}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
db="inventario_test_sheet_bench_$$"
work="$(mktemp -d)"
cleanup() { dropdb --if-exists "$db" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export INVENTARIO_TEST_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
/usr/bin/time -f "%e %U %S" -o "$work/time" ./mvnw -q -o test -Dtest=ImportacionBenchmarkTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.import.filas="$rows" -Dbench.import.api="$api" \
  -DargLine="$heap" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
grep '^BENCH' "$work/log"
read -r wall user sys <"$work/time"
echo "maven run (JVM start, Spring context, file written, preview, import, API rows): wall ${wall}s," \
  "CPU $(echo "$user + $sys" | bc)s"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
