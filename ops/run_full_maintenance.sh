#!/usr/bin/env bash
# The maintenance window in one command (`inventario maintenance run`): preflight, maintenance on,
# wait for in-flight writes, backup + test restore, stop, contract migrations with the new release,
# start it, readiness, smoke, switch `current`, maintenance off; on any failure the backup is
# restored and the previous release started. Journal: $INVENTARIO_ROOT/journal/.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: ops/run_full_maintenance.sh [RELEASE] [--dry-run] [--root DIR]

  RELEASE    a release jar, a version installed under <root>/releases, or a git ref to build
             (default: the current release, to run its pending contract migrations)
  --dry-run  run preflight and print exactly the steps; change nothing
  --root     deploy root (default: $INVENTARIO_ROOT or /srv/inventario)

Exit code: 0 done, 1 refused or rolled back (a release serving the pre-window data, maintenance
off: the previous one, or the new one when the previous did not start), 2 the rollback failed
(after a failed stop or restore maintenance mode stays on: see ops/maintenance_playbook.md).
USAGE
}

# shellcheck source=deploy/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../deploy/common.sh"
parse_run_args "$@"
load_env
if [[ -n "$release" ]]; then
  jar="$(release_jar "$release")"
  exec "$JAVA" -jar "$jar" maintenance run --release "$jar" --root "$INVENTARIO_ROOT" "${dry_run[@]}"
fi
jar="$(current_jar)"
exec "$JAVA" -jar "$jar" maintenance run --root "$INVENTARIO_ROOT" "${dry_run[@]}"
