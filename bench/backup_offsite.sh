#!/usr/bin/env bash
# Benchmark (issue 17): `inventario backup --offsite` with INVENTARIO_BACKUP_KEY set (backup +
# AES-256-GCM + multipart upload to an S3-compatible server, the parts sent while the archive is
# written, + the SHA-256 recorded and the read-back SHA-256 check) against the
# unencrypted local `inventario backup` of the same database, in the same run, alternating the two.
# The database: ASSETS assets with 3 maintenance records and 2 audit rows each
# (bench/backup-restore-data.sql) on the machine's PostgreSQL server. The S3 server: S3Mock (the
# standalone jar the build copies to target/s3mock/) on 127.0.0.1, so the figures hold the client's
# cost, not a network's. Prints each run and the ratio of the medians; drops its database and bucket.
# Usage: bench/backup_offsite.sh [ASSETS] [RUNS]   (default 100000 and 3; PGHOST/PGPORT/PGUSER honoured)
set -euo pipefail
cd "$(dirname "$0")/.."
assets="${1:-100000}"
runs="${2:-3}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
heap="${BENCH_HEAP:--Xmx256m}"
db="inventario_bench_offsite_$$"
work="$(mktemp -d)"
s3pid=""
cleanup() {
  if [[ -n "$s3pid" ]]; then kill "$s3pid" 2>/dev/null || true; wait "$s3pid" 2>/dev/null || true; fi
  dropdb --if-exists "$db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
[[ -f target/inventario.jar && -f target/s3mock/s3mock.jar ]] || ./mvnw -q package -DskipTests

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx256m -XX:+UseSerialGC -jar target/s3mock/s3mock.jar --com.adobe.testing.s3mock.httpPort="$port" \
  --server.port=0 --server.address=127.0.0.1 --com.adobe.testing.s3mock.store.root="$work/s3" \
  --com.adobe.testing.s3mock.store.initialBuckets=bench >"$work/s3mock.log" 2>&1 &
s3pid=$!
for _ in $(seq 1 120); do curl -fsS -o /dev/null "http://127.0.0.1:$port/bench" 2>/dev/null && break; sleep 0.5; done

echo "Preparing $assets assets on $PGHOST:$PGPORT ($(psql -XAtc 'SHOW server_version' postgres)) ..."
createdb "$db"
DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_NAME="$db" DB_USER="$PGUSER" BENCH_PW="bench-password-1" \
  bin/inventario usuarios crear-admin --email bench-admin@bench.local --password-env BENCH_PW >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -v assets="$assets" -d "$db" -f bench/backup-restore-data.sql
psql -X -q -d "$db" -c 'VACUUM ANALYZE'
echo "database: $(psql -XAt -d "$db" -c "SELECT pg_size_pretty(pg_database_size('$db'))")"

export JAVA_OPTS="$heap" DB_HOST="$PGHOST" DB_PORT="$PGPORT" DB_NAME="$db" DB_USER="$PGUSER"
# a throwaway key and throwaway S3Mock credentials for this run only; never printed
key="$(head -c 32 /dev/urandom | base64)"

seconds() { # wall seconds of a command
  local start end
  start=$(date +%s.%N)
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
}

plain=(); offsite=(); local_enc=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/plain" "$work/enc" "$work/local-enc"
  # the encryption alone (no off-site copy): tells the cipher's share from the upload's
  l=$(seconds env INVENTARIO_BACKUP_KEY="$key" bin/inventario backup --output "$work/local-enc")
  p=$(seconds env -u INVENTARIO_BACKUP_KEY bin/inventario backup --output "$work/plain")
  psize=$(stat -c %s "$work"/plain/inventario-backup-*.zip)
  pinproc=$(sed -n 's/.* rows in [0-9]* tables, \([0-9.]*\) s$/\1/p' "$work/last.log")
  o=$(seconds env INVENTARIO_BACKUP_KEY="$key" INVENTARIO_BACKUP_S3_BUCKET=bench \
    INVENTARIO_BACKUP_S3_ENDPOINT="http://127.0.0.1:$port" INVENTARIO_BACKUP_S3_PATH_STYLE=true \
    AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret \
    bin/inventario backup --output "$work/enc" --offsite)
  grep -q "SHA-256 [0-9a-f]* matched" "$work/last.log" || { cat "$work/last.log" >&2; exit 1; }
  osize=$(stat -c %s "$work"/enc/inventario-backup-*.zip.enc)
  parts=$(sed -n 's/.*: \([0-9]*\) part(s).*/\1/p' "$work/last.log")
  split=$(sed -n 's/.* matched, \(.*\) (\(upload [0-9.]* s[a-z ]*, check [0-9.]* s\)).*/\2 (\1)/p' "$work/last.log")
  inproc=$(sed -n 's/.* rows in [0-9]* tables, \([0-9.]*\) s$/\1/p' "$work/last.log")
  printf "run %d: local unencrypted %6.2f s (%.1f MiB; backup %s s) | local encrypted %6.2f s | encrypted + upload + read-back %6.2f s (%.1f MiB, %s parts; backup with the parts streamed %s s, after it: %s) | %.2fx | load %s\n" \
    "$i" "$p" "$(echo "$psize/1048576" | bc -l)" "$pinproc" "$l" "$o" "$(echo "$osize/1048576" | bc -l)" "$parts" "$inproc" "$split" \
    "$(echo "$o/$p" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  plain+=("$p"); offsite+=("$o"); local_enc+=("$l")
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mp=$(median "${plain[@]}"); mo=$(median "${offsite[@]}"); ml=$(median "${local_enc[@]}")
awk -v a="$assets" -v r="$runs" -v mp="$mp" -v mo="$mo" -v ml="$ml" -v heap="$heap" 'BEGIN {
  printf "\nBENCH backup_offsite: %d assets, %d runs, JVM %s: local unencrypted median %.2f s, local encrypted median %.2f s (%.2fx), encrypted + off-site median %.2f s, ratio %.2fx (goal <= 1.30x): %s\n",
    a, r, heap, mp, ml, ml / mp, mo, mo / mp, (mo / mp <= 1.30) ? "met" : "NOT met"
}'
