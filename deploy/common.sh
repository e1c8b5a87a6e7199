# Shared by deploy/remote_deploy.sh and the ops/*.sh maintenance scripts (sourced, not run).
# Reads the service's environment file, finds java, parses the run scripts' arguments, and turns
# a RELEASE argument (a jar, a version installed under $INVENTARIO_ROOT/releases, or a git ref of
# this checkout) into a jar.

INVENTARIO_ROOT="${INVENTARIO_ROOT:-/srv/inventario}"
INVENTARIO_ENV_FILE="${INVENTARIO_ENV_FILE:-/etc/inventario/inventario.env}"
REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA:-java}"

# The arguments of remote_deploy.sh and run_full_maintenance.sh, [RELEASE] [--dry-run] [--root DIR]:
# sets $release, $dry_run (empty, or --dry-run to pass on) and INVENTARIO_ROOT. The script defines
# usage(); -h/--help prints it, an unknown option prints it and exits 2.
parse_run_args() {
  release="" dry_run=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -h|--help) usage; exit 0 ;;
      --dry-run) dry_run=(--dry-run) ;;
      --root) INVENTARIO_ROOT="$2"; shift ;;
      -*) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
      *) release="$1" ;;
    esac
    shift
  done
}

# The same environment the service gets (DB_*, JWT_SECRET, ...); values are never echoed.
load_env() {
  if [[ -r "$INVENTARIO_ENV_FILE" ]]; then
    set -a
    # shellcheck disable=SC1090
    . "$INVENTARIO_ENV_FILE"
    set +a
  fi
  export INVENTARIO_ROOT
}

# Prints the path of the jar for RELEASE, building a git ref into a temporary directory.
release_jar() {
  local release="$1"
  if [[ -f "$release" ]]; then
    (cd "$(dirname "$release")" && echo "$(pwd)/$(basename "$release")")
  elif [[ -f "$INVENTARIO_ROOT/releases/$release/inventario.jar" ]]; then
    echo "$INVENTARIO_ROOT/releases/$release/inventario.jar"
  elif git -C "$REPO_DIR" rev-parse --verify --quiet "$release^{commit}" >/dev/null; then
    local build
    build="$(mktemp -d "${TMPDIR:-/tmp}/inventario-build.XXXXXX")"
    echo "Building $release in $build ..." >&2
    git -C "$REPO_DIR" archive "$release" | tar -x -C "$build"
    (cd "$build" && ./mvnw -q -B -DskipTests package >&2)
    echo "$build/target/inventario.jar"
  else
    echo "error: '$release' is not a jar, an installed release under $INVENTARIO_ROOT/releases, or a git ref" >&2
    return 2
  fi
}

current_jar() {
  if [[ ! -f "$INVENTARIO_ROOT/current/inventario.jar" ]]; then
    echo "error: no current release under $INVENTARIO_ROOT (deploy one first: deploy/remote_deploy.sh JAR)" >&2
    return 2
  fi
  echo "$INVENTARIO_ROOT/current/inventario.jar"
}
