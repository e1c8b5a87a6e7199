#!/usr/bin/env bash
# Restores a production archive into staging and smoke-tests the result: verify the archive,
# restore it (validation report included), then run the smoke tests against a server on the
# restored database. Thin wrapper over `inventario verify | restore | smoke`.
# A dump of the original Inventario-TI (mysqldump/mariadb-dump, .sql or .sql.gz) is recognised and
# imported instead (`inventario import legacy --from-dump`: preview, then import), then smoke-tested.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
inventario="${INVENTARIO_BIN:-$here/../bin/inventario}"

usage() {
  cat <<'USAGE'
Usage: ops/staging_restore.sh ARCHIVE|LEGACY-DUMP [TARGET-JDBC-URL] [options]

Restores ARCHIVE into TARGET (jdbc:postgresql://host:port/db, user DB_USER and password DB_PASS
from the environment), or, without TARGET, into the database the application uses (DB_* environment
or the embedded one in $INVENTARIO_DATA_DIR). Then smoke-tests it:
  - against --smoke-url URL when staging's server is already running on that database, or
  - against a temporary server this script starts on the restored database (127.0.0.1:--port)
    and stops afterwards.
Smoke credentials: SMOKE_USER + SMOKE_PASSWORD (or SMOKE_TOKEN), from the environment. Without them
the smoke still signs in: a temporary read-only smoke user is created on the restored copy
(`inventario usuarios smoke-user`, random password passed through the environment, never printed)
and removed afterwards, also when the smoke fails or the script is interrupted.
A LEGACY-DUMP (a mysqldump of the original Inventario-TI) is previewed and imported into TARGET, which
must be empty; smoke-test it with an imported account and its old password.

  --force                   replace a non-empty target (it is backed up first)
  --allow-version-mismatch  accept an archive made by another release
  --smoke-url URL           smoke-test this running server instead of starting one
  --port PORT               port of the temporary server (default 18080)
  --admin EMAIL             legacy dump: make this imported account ADMIN (repeatable)
  --no-smoke                restore and report only
  --dry-run                 print the steps and change nothing
  -h, --help                this help
USAGE
}

archive=""
target=""
restore_flags=()
smoke_url=""
port=18080
smoke=1
dry_run=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --force|--allow-version-mismatch) restore_flags+=("$1"); shift ;;
    --admin) restore_flags+=(--admin "${2:?--admin needs an email}"); shift 2 ;;
    --smoke-url) smoke_url="${2:?--smoke-url needs a URL}"; shift 2 ;;
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --no-smoke) smoke=0; shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "staging_restore.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    *)
      if [[ -z "$archive" ]]; then archive="$1"
      elif [[ -z "$target" ]]; then target="$1"
      else echo "staging_restore.sh: unexpected argument: $1" >&2; exit 2
      fi
      shift ;;
  esac
done
if [[ -z "$archive" ]]; then
  usage >&2
  exit 2
fi

# A dump of the original Inventario-TI (plain or gzip) rather than one of our archives.
legacy=0
head_text="$({ gzip -dc "$archive" 2>/dev/null || cat "$archive" 2>/dev/null; } | head -c 4096 | tr -d '\0' || true)"
if grep -aqE '^-- (MySQL|MariaDB) dump|^CREATE TABLE' <<<"$head_text"; then
  legacy=1
fi
if [[ $legacy -eq 1 ]]; then
  restore_args=(import legacy --from-dump "$archive" "${restore_flags[@]}")
else
  restore_args=(restore "$archive" "${restore_flags[@]}")
fi
if [[ -n "$target" ]]; then
  restore_args+=(--target "$target")
  [[ -n "${DB_USER:-}" ]] && restore_args+=(--target-user "$DB_USER")
  [[ -n "${DB_PASS:-}" ]] && restore_args+=(--target-password-env DB_PASS)
  where="$target"
elif [[ -n "${DB_HOST:-}" ]]; then
  where="${DB_HOST}:${DB_PORT:-5432}/${DB_NAME:-inventario}"
else
  where="embedded database in ${INVENTARIO_DATA_DIR:-./data}/postgres"
fi
smoke_target="${smoke_url:-http://127.0.0.1:$port}"

if [[ $dry_run -eq 1 ]]; then
  if [[ $legacy -eq 1 ]]; then
    echo "[dry-run] 1. preview the import of the original Inventario-TI's dump:  $inventario ${restore_args[*]} --dry-run"
    echo "[dry-run] 2. import into $where:  $inventario ${restore_args[*]}"
  else
    echo "[dry-run] 1. verify the archive:  $inventario verify $archive"
    echo "[dry-run] 2. restore into $where:  $inventario ${restore_args[*]}"
  fi
  if [[ $smoke -eq 1 ]]; then
    [[ -z "$smoke_url" ]] && echo "[dry-run] 3. start a temporary server on the restored database at 127.0.0.1:$port"
    if [[ -z "${SMOKE_TOKEN:-}" && -z "${SMOKE_USER:-}" ]]; then
      echo "[dry-run] 4. create a temporary read-only smoke user on the restored copy:  $inventario usuarios smoke-user --email smoke-RANDOM@staging.invalid --password-env SMOKE_PASSWORD"
    fi
    echo "[dry-run] 5. smoke-test $smoke_target signed in:  $here/smoke_tests.sh $smoke_target"
    if [[ -z "${SMOKE_TOKEN:-}" && -z "${SMOKE_USER:-}" ]]; then
      echo "[dry-run] 6. remove the temporary smoke user (also on failure):  $inventario usuarios smoke-user --email smoke-RANDOM@staging.invalid --remove"
    fi
    [[ -z "$smoke_url" ]] && echo "[dry-run] 7. stop the temporary server"
  fi
  exit 0
fi

if [[ $legacy -eq 1 ]]; then
  echo "== 1. preview the import of $archive (a dump of the original Inventario-TI)"
  "$inventario" "${restore_args[@]}" --dry-run
  echo "== 2. import into $where"
  "$inventario" "${restore_args[@]}"
else
  echo "== 1. verify $archive"
  "$inventario" verify "$archive"
  echo "== 2. restore into $where"
  "$inventario" "${restore_args[@]}"
fi
[[ $smoke -eq 1 ]] || exit 0

# The CLI calls below (smoke user) reach the restored database the way the temporary server does:
# from the environment, never with a password on a command line.
on_restored() {
  if [[ -n "$target" ]]; then
    SPRING_DATASOURCE_URL="$target" SPRING_DATASOURCE_USERNAME="${DB_USER:-}" \
      SPRING_DATASOURCE_PASSWORD="${DB_PASS:-}" "$@"
  else
    "$@"
  fi
}

server_pid=""
smoke_user=""
cleanup() {
  local status=$?
  if [[ -n "$smoke_user" ]]; then
    if on_restored "$inventario" usuarios smoke-user --email "$smoke_user" --remove; then
      smoke_user=""
    else
      echo "staging_restore.sh: could not remove the temporary smoke user $smoke_user; remove it with:" >&2
      echo "  $inventario usuarios smoke-user --email $smoke_user --remove" >&2
      [[ $status -eq 0 ]] && status=1
    fi
  fi
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "$smoke_url" ]]; then
  log="${TMPDIR:-/tmp}/inventario-staging-server.$$.log"
  echo "== 3. start a temporary server on the restored database (127.0.0.1:$port, log $log)"
  # The server reads its database from the environment: no password on a command line. The
  # subshell execs the launcher (which execs java), so $! is the server's own process.
  (
    if [[ -n "$target" ]]; then
      export SPRING_DATASOURCE_URL="$target" SPRING_DATASOURCE_USERNAME="${DB_USER:-}" \
        SPRING_DATASOURCE_PASSWORD="${DB_PASS:-}"
    fi
    PORT="$port" exec "$inventario" --server.address=127.0.0.1
  ) >"$log" 2>&1 &
  server_pid=$!
  ready=0
  deadline=$(( SECONDS + ${STAGING_START_TIMEOUT:-300} ))
  while (( SECONDS < deadline )); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "staging_restore.sh: the temporary server exited; last lines of $log:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    if curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
      ready=1
      break
    fi
    sleep 1
  done
  if [[ $ready -eq 0 ]]; then
    echo "staging_restore.sh: the temporary server was not ready after ${STAGING_START_TIMEOUT:-300} s" \
      "(STAGING_START_TIMEOUT); last lines of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
fi

if [[ -z "${SMOKE_TOKEN:-}" && -z "${SMOKE_USER:-}" ]]; then
  smoke_user="smoke-$(od -An -tx1 -N8 /dev/urandom | tr -d ' \n')@staging.invalid"
  SMOKE_PASSWORD="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
  export SMOKE_PASSWORD
  echo "== 4. create a temporary read-only smoke user on the restored copy: $smoke_user"
  if ! on_restored "$inventario" usuarios smoke-user --email "$smoke_user" --password-env SMOKE_PASSWORD; then
    smoke_user=""
    echo "staging_restore.sh: could not create the temporary smoke user" >&2
    exit 1
  fi
  export SMOKE_USER="$smoke_user"
fi

echo "== 5. smoke-test $smoke_target"
"$here/smoke_tests.sh" "$smoke_target"
