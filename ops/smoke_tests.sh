#!/usr/bin/env bash
# Smoke-tests a running Inventario-TI server: health, readiness, login, assets, categories,
# reports, and with --write a create/read/update/delete round trip that cleans up after itself.
# Thin wrapper over `inventario smoke`; exit code 0 only when every check passes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
inventario="${INVENTARIO_BIN:-$here/../bin/inventario}"

usage() {
  cat <<'USAGE'
Usage: ops/smoke_tests.sh [BASE_URL] [--write] [--json] [--timeout SECONDS] [--dry-run]

BASE_URL defaults to $SMOKE_URL, else http://127.0.0.1:${PORT:-8080}.
Credentials come from the environment, never from arguments:
  SMOKE_USER + SMOKE_PASSWORD   an account to log in with (ADMIN for --write)
  SMOKE_TOKEN                   or a bearer token
Without credentials only the unauthenticated checks run.

  --write      also create, read, update and delete a marked test asset (always deleted)
  --json       machine-readable report
  --dry-run    print what would run and change nothing
  -h, --help   this help
USAGE
}

url="${SMOKE_URL:-http://127.0.0.1:${PORT:-8080}}"
extra=()
dry_run=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --write|--json) extra+=("$1"); shift ;;
    --timeout) extra+=(--timeout "${2:?--timeout needs seconds}"); shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "smoke_tests.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    *) url="$1"; shift ;;
  esac
done

args=(smoke --url "$url")
if [[ -n "${SMOKE_TOKEN:-}" ]]; then
  args+=(--token-env SMOKE_TOKEN)
elif [[ -n "${SMOKE_USER:-}" ]]; then
  if [[ -z "${SMOKE_PASSWORD:-}" ]]; then
    echo "smoke_tests.sh: SMOKE_USER is set but SMOKE_PASSWORD is not" >&2
    exit 2
  fi
  args+=(--user "$SMOKE_USER" --password-env SMOKE_PASSWORD)
fi
args+=("${extra[@]}")

if [[ $dry_run -eq 1 ]]; then
  echo "[dry-run] would run: $inventario ${args[*]}"
  exit 0
fi
exec "$inventario" "${args[@]}"
