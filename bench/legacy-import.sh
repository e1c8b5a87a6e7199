#!/usr/bin/env bash
# Benchmark: `inventario import legacy` from the live MariaDB and from its mariadb-dump file, next to
# the plain `mariadb-dump` of the same database. Builds the original Inventario-TI with ASSETS assets
# and MAINT maintenance records (bench/legacy-import-data.sql) in the machine's MariaDB, imports it
# into empty databases of the machine's PostgreSQL with the heap capped (-Xmx256m), prints wall
# time, peak RSS and the highest heap in use, and drops every database it made.
# Usage: bench/legacy-import.sh [ASSETS] [MAINT]   (defaults 100000 and 73000; not part of ./mvnw verify)
set -euo pipefail
cd "$(dirname "$0")/.."
assets="${1:-100000}"
maint="${2:-73000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
my=(-h 127.0.0.1 -P 3306 -u root)
heap="${BENCH_HEAP:--Xmx256m}"
src="legacy_import_bench_$$"
work="$(mktemp -d)"
cleanup() {
  mariadb "${my[@]}" -e "DROP DATABASE IF EXISTS $src" 2>/dev/null || true
  for d in "${src}_live" "${src}_dump"; do dropdb --if-exists "$d" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
[[ -f target/inventario.jar ]] || ./mvnw -q package -DskipTests

# wall seconds, peak RSS (KiB) and CPU seconds (user + system) of a command, from GNU time
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 || {
    cat "$work/$name.log" >&2; exit 1; }
  local user sys
  read -r "${name}_s" "${name}_kb" user sys <"$work/$name.time"
  printf -v "${name}_cpu" '%.1f' "$(echo "$user + $sys" | bc)"
}
# the highest heap occupancy (MiB) any GC saw, from -Xlog:gc
peak_heap() { grep -o '[0-9]*M->' "$1" | sed 's/M->//' | sort -n | tail -1; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Building the original's database with $assets assets and $maint maintenance records in MariaDB ..."
mariadb "${my[@]}" -e "CREATE DATABASE $src CHARACTER SET utf8mb4"
sed -e "s/seq_1_to_100000/seq_1_to_$assets/; s/seq_1_to_73000/seq_1_to_$maint/; s/% 100000,/% $assets,/" \
  bench/legacy-import-data.sql | mariadb "${my[@]}" "$src"

measure mariadb_dump mariadb-dump "${my[@]}" --result-file="$work/legacy.sql" "$src"
createdb "${src}_live"
createdb "${src}_dump"
export JAVA_OPTS="$heap -Xlog:gc:file=$work/gc-live.log"
measure live bin/inventario import legacy --from "jdbc:mariadb://127.0.0.1:3306/$src?user=root" \
  --target "jdbc:postgresql://$PGHOST:$PGPORT/${src}_live" --target-user "$PGUSER" --admin u1@bench.local
export JAVA_OPTS="$heap -Xlog:gc:file=$work/gc-dump.log"
measure dump bin/inventario import legacy --from-dump "$work/legacy.sql" \
  --target "jdbc:postgresql://$PGHOST:$PGPORT/${src}_dump" --target-user "$PGUSER" --admin u1@bench.local
for run in live dump; do
  grep -q "result: OK, 0 unaccounted rows" "$work/$run.log" || { cat "$work/$run.log" >&2; exit 1; }
done
grep -E '^  (activos|mantenimientos) +[0-9]' "$work/live.log"
inproc() { sed -n 's/.*result: OK, 0 unaccounted rows (\([0-9.]*\) s)$/\1/p' "$1"; }
awk -v a="$assets" -v m="$maint" -v heap="$heap" -v size="$(stat -c %s "$work/legacy.sql")" \
  -v md="$mariadb_dump_s" -v mdk="$mariadb_dump_kb" -v mdc="$mariadb_dump_cpu" \
  -v l="$live_s" -v li="$(inproc "$work/live.log")" -v lk="$live_kb" -v lc="$live_cpu" \
  -v lh="$(peak_heap "$work/gc-live.log")" \
  -v d="$dump_s" -v di="$(inproc "$work/dump.log")" -v dk="$dump_kb" -v dc="$dump_cpu" \
  -v dh="$(peak_heap "$work/gc-dump.log")" -v loadavg="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "\n%d assets, %d maintenance records; dump %.1f MiB; JVM %s; load average after: %s\n",
    a, m, size / 1048576, heap, loadavg
  printf "%-30s %8s %13s %8s %9s %14s\n", "", "wall s", "in-process s", "CPU s", "RSS MiB", "peak heap MiB"
  printf "%-30s %8.1f %13s %8.1f %9.0f %14s\n", "mariadb-dump (plain)", md, "-", mdc, mdk / 1024, "-"
  printf "%-30s %8.1f %13.1f %8.1f %9.0f %14s\n", "import legacy --from (live)", l, li, lc, lk / 1024, lh
  printf "%-30s %8.1f %13.1f %8.1f %9.0f %14s\n", "import legacy --from-dump", d, di, dc, dk / 1024, dh
}'
