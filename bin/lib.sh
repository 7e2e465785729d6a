# Shared by bin/start and bin/test: the machine set-up both need, and process helpers.
# Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debian packages the platform needs; installs only what is missing (we run as root).
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "Installing ${missing[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  }
}

# npm packages of the workspace, exactly as locked; skipped when node_modules is up to date.
ensure_node_modules() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] \
      || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "Installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

backend_jar() {
  ls "$ROOT"/backend/target/onething-backend-*.jar 2>/dev/null | grep -v '\.original$' | head -1
}

# wait_for URL SECONDS NAME: polls until the URL answers 200.
wait_for() {
  local url=$1 limit=$2 name=$3 t0=$SECONDS
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" || true)" = 200 ]; do
    if (( SECONDS - t0 > limit )); then
      echo "$name did not answer at $url within ${limit}s" >&2
      return 1
    fi
    sleep 2
  done
}
