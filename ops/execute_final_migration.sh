#!/usr/bin/env bash
# The final migration alone: the migration steps of the maintenance run with the current release
# (maintenance on, backup + test restore, stop, `migrate apply --contract`, start, readiness,
# smoke, maintenance off; restore and restart on failure). No release switch.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: ops/execute_final_migration.sh [--dry-run] [--root DIR]

  --dry-run  run preflight, print exactly the steps and `migrate plan --contract`; change nothing
  --root     deploy root (default: $INVENTARIO_ROOT or /srv/inventario)
USAGE
}

dry_run=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --dry-run) dry_run=(--dry-run) ;;
    --root) INVENTARIO_ROOT="$2"; shift ;;
    *) echo "unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
# shellcheck source=deploy/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/common.sh"
load_env
jar="$(current_jar)"
if [[ ${#dry_run[@]} -gt 0 ]]; then
  "$JAVA" -jar "$jar" migrate plan --contract || true
fi
exec "$JAVA" -jar "$jar" maintenance run --root "$INVENTARIO_ROOT" "${dry_run[@]}"
