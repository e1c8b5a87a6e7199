#!/usr/bin/env bash
# Benchmark: `inventario backup` / `restore` against `pg_dump -Fc` / `pg_restore` on the same
# database, in the same run, on the machine's PostgreSQL server (whose client tools match it).
# Builds ASSETS assets with 3 maintenance records and 2 audit rows each (bench/backup-restore-data.sql),
# prints times, sizes, ratios and the peak RSS of our process, and drops its databases.
# Usage: bench/backup-restore.sh [ASSETS]   (default 100000; PGHOST/PGPORT/PGUSER honoured)
set -euo pipefail
cd "$(dirname "$0")/.."
assets="${1:-100000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
heap="${BENCH_HEAP:--Xmx256m}"
db="inventario_bench_$$"
work="$(mktemp -d)"
cleanup() {
  for d in "$db" "${db}_ours" "${db}_pg"; do dropdb --if-exists "$d" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
[[ -f target/inventario.jar ]] || ./mvnw -q package -DskipTests

# wall seconds and peak RSS (KiB) of a command, from GNU time
measure() {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 || {
    cat "$work/$name.log" >&2; exit 1; }
  read -r "${name}_s" "${name}_kb" <"$work/$name.time"
}

echo "Preparing $assets assets on $PGHOST:$PGPORT ($(psql -XAtc 'SHOW server_version' postgres)) ..."
createdb "$db"
DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_NAME="$db" DB_USER="$PGUSER" BENCH_PW="bench-password-1" \
  bin/inventario usuarios crear-admin --email bench-admin@bench.local --password-env BENCH_PW >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -v assets="$assets" -d "$db" -f bench/backup-restore-data.sql
psql -X -q -d "$db" -c 'VACUUM ANALYZE'
rows=$(psql -XAt -d "$db" -c "SELECT (SELECT count(*) FROM activos) + (SELECT count(*) FROM mantenimientos)
  + (SELECT count(*) FROM auditoria) + (SELECT count(*) FROM usuarios) + (SELECT count(*) FROM categorias)")
echo "database: $(psql -XAt -d "$db" -c "SELECT pg_size_pretty(pg_database_size('$db'))"), $rows rows"

export JAVA_OPTS="$heap"
measure ours_backup env DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_NAME="$db" DB_USER="$PGUSER" \
  bin/inventario backup --output "$work/ours"
archive="$(ls "$work"/ours/inventario-backup-*.zip)"
measure pg_dump pg_dump -Fc -f "$work/dump.pgc" "$db"

createdb "${db}_ours"
createdb "${db}_pg"
measure ours_restore bin/inventario restore "$archive" --target "jdbc:postgresql://$PGHOST:$PGPORT/${db}_ours" \
  --target-user "$PGUSER"
measure pg_restore pg_restore -d "${db}_pg" "$work/dump.pgc"

inproc_backup=$(sed -n 's/.* rows in [0-9]* tables, \([0-9.]*\) s$/\1/p' "$work/ours_backup.log")
inproc_restore=$(sed -n 's/.*result: OK, [0-9]* rows in \([0-9.]*\) s$/\1/p' "$work/ours_restore.log")
size() { stat -c %s "$1"; }
awk -v a="$assets" -v r="$rows" -v heap="$heap" \
  -v ob="$ours_backup_s" -v obi="$inproc_backup" -v pd="$pg_dump_s" \
  -v orr="$ours_restore_s" -v ori="$inproc_restore" -v pr="$pg_restore_s" \
  -v obk="$ours_backup_kb" -v ork="$ours_restore_kb" \
  -v os="$(size "$archive")" -v ps="$(size "$work/dump.pgc")" 'BEGIN {
  printf "\n%d assets, %d rows; JVM %s\n", a, r, heap
  printf "%-28s %9s %9s %8s\n", "", "seconds", "MiB", "ratio"
  printf "%-28s %9.2f %9.1f %8.2f\n", "inventario backup (process)", ob, os/1048576, ob/pd
  printf "%-28s %9.2f %9s %8.2f\n", "  of which in-process work", obi, "", obi/pd
  printf "%-28s %9.2f %9.1f %8s\n", "pg_dump -Fc", pd, ps/1048576, "1.00"
  printf "%-28s %9.2f %9s %8.2f\n", "inventario restore (process)", orr, "", orr/pr
  printf "%-28s %9.2f %9s %8.2f\n", "  of which in-process work", ori, "", ori/pr
  printf "%-28s %9.2f %9s %8s\n", "pg_restore", pr, "", "1.00"
  printf "peak RSS: backup %.0f MiB, restore %.0f MiB\n", obk/1024, ork/1024
}'
