#!/usr/bin/env bash
# Backs up the Inventario-TI database (the one the application uses: DB_* environment, or the
# embedded database under INVENTARIO_DATA_DIR) into a verified archive. Thin wrapper over
# `inventario backup`; see docs/operations/backup-restore.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
inventario="${INVENTARIO_BIN:-$here/../bin/inventario}"

usage() {
  cat <<'USAGE'
Usage: ops/backup.sh [--output DIR] [--keep N] [--no-verify] [--dry-run]

Backs up the database the application uses (DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASS, or the
embedded one in $INVENTARIO_DATA_DIR) into one archive, then verifies it by restoring it into a
scratch database and comparing row counts (the verification is recorded for `migrate apply
--contract`).

  --output DIR   where the archive goes (default: $BACKUP_DIR, else <data dir>/backups)
  --keep N       after a successful backup keep only the N newest archives
  --no-verify    skip the test restore (checksums are still written)
  --dry-run      print what would run and change nothing
  -h, --help     this help
USAGE
}

output="${BACKUP_DIR:-}"
keep=""
verify=1
dry_run=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --output) output="${2:?--output needs a directory}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a number}"; shift 2 ;;
    --no-verify) verify=0; shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "backup.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

args=(backup)
[[ -n "$output" ]] && args+=(--output "$output")
[[ $verify -eq 1 ]] && args+=(--verify)
[[ -n "$keep" ]] && args+=(--keep "$keep")

if [[ -n "${DB_HOST:-}" ]]; then
  source_db="${DB_HOST}:${DB_PORT:-5432}/${DB_NAME:-inventario} as ${DB_USER:-<current user>}"
else
  source_db="embedded database in ${INVENTARIO_DATA_DIR:-./data}/postgres"
fi

if [[ $dry_run -eq 1 ]]; then
  echo "[dry-run] would back up: $source_db"
  echo "[dry-run] would run: $inventario ${args[*]}"
  exit 0
fi
echo "Backing up $source_db"
exec "$inventario" "${args[@]}"
