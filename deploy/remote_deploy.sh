#!/usr/bin/env bash
# Deploys a release on this host: installs it into $INVENTARIO_ROOT/releases/<version>/, restarts
# the service on it through the `candidate` link, and switches `current` only after readiness and
# smoke pass; otherwise the previous release is restarted. Keeps the last $INVENTARIO_KEEP_RELEASES.
# The logic is `inventario deploy` (tested in Java); this wrapper resolves REF|JAR.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: deploy/remote_deploy.sh [REF|JAR] [--dry-run] [--root DIR]

  REF|JAR    a release jar, or a git ref of this checkout to build (default: HEAD)
  --dry-run  run preflight and print exactly the steps; change nothing
  --root     deploy root (default: $INVENTARIO_ROOT or /srv/inventario)

Environment: /etc/inventario/inventario.env (or $INVENTARIO_ENV_FILE) is read first; systemctl,
the unit name ($INVENTARIO_SERVICE), the URL ($INVENTARIO_URL) and the smoke user
($INVENTARIO_SMOKE_USER, password in $INVENTARIO_SMOKE_PASSWORD) can be overridden.
Exit code: 0 deployed, 1 refused or rolled back, 2 the rollback failed too.
USAGE
}

# shellcheck source=deploy/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
parse_run_args "$@"
load_env
jar="$(release_jar "${release:-HEAD}")"
exec "$JAVA" -jar "$jar" deploy "$jar" --root "$INVENTARIO_ROOT" "${dry_run[@]}"
