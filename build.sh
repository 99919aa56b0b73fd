#!/usr/bin/env bash
# Sosei build script: the one command for the test suite (./build.sh test) and a few helpers.
#   ./build.sh test      install what the tests need, start PostgreSQL on 127.0.0.1, build, run every test project
#   ./build.sh build     restore and build (Release)
#   ./build.sh run       start the web app with the embedded SQLite database and the demo data
#   ./build.sh deps      only install the Debian packages the tests need (chromium, fonts-noto-cjk, postgresql, poppler-utils)
set -euo pipefail
cd "$(dirname "$0")"

CONFIG=${CONFIG:-Release}
PG_PORT=${SOSEI_PG_PORT:-5432}
PG_USER=sosei_test
PG_PASSWORD=sosei_test

log() { printf '\n==> %s\n' "$*"; }

need_pkg() { ! dpkg -s "$1" >/dev/null 2>&1; }

ensure_deps() {
  local missing=()
  for p in chromium fonts-noto-cjk postgresql poppler-utils; do
    if need_pkg "$p"; then missing+=("$p"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]} (apt-get)"
    if [ "$(id -u)" -ne 0 ]; then
      echo "Installing packages needs root: run 'sudo apt-get install -y ${missing[*]}' and try again." >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

start_postgres() {
  # Debian's cluster listens on localhost:5432; we make sure it runs and has a test role with a password.
  local ver
  ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -z "$ver" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql)." >&2
    exit 1
  fi
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    log "Creating PostgreSQL cluster $ver/main"
    pg_createcluster "$ver" main >/dev/null
  fi
  local cluster
  cluster=$(pg_lsclusters -h | head -1 | awk '{print $1" "$2}')
  if ! pg_lsclusters -h | head -1 | grep -q online; then
    log "Starting PostgreSQL $cluster"
    # shellcheck disable=SC2086
    pg_ctlcluster $cluster start
  fi
  PG_PORT=$(pg_lsclusters -h | head -1 | awk '{print $3}')
  for _ in $(seq 1 30); do
    if su postgres -c "psql -h 127.0.0.1 -p $PG_PORT -U postgres -c 'select 1' -tA" >/dev/null 2>&1 \
      || su postgres -c "psql -p $PG_PORT -c 'select 1' -tA" >/dev/null 2>&1; then break; fi
    sleep 1
  done
  su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -tA" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
  export SOSEI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD;Database=postgres"
  log "PostgreSQL ready on 127.0.0.1:$PG_PORT (SOSEI_TEST_POSTGRES set for the PostgreSQL tier)"
}

build() {
  # Locked mode: restore exactly what the packages.lock.json files record (docs/adr/0010-exact-package-restore.md);
  # after changing a package, run a plain 'dotnet restore Sosei.slnx' and commit the updated lock files.
  log "dotnet restore (locked mode)"
  dotnet restore Sosei.slnx --locked-mode
  log "dotnet build ($CONFIG)"
  dotnet build Sosei.slnx -c "$CONFIG" --no-restore
}

run_tests() {
  export SOSEI_CHROMIUM=${SOSEI_CHROMIUM:-/usr/bin/chromium}
  mkdir -p artifacts
  log "dotnet test (every test project)"
  # The runner's summary lines ("Passed! - Failed: 0, Passed: N …") end the output, one per test project.
  dotnet test Sosei.slnx -c "$CONFIG" --no-build \
    --logger "console;verbosity=minimal" \
    --results-directory artifacts/test-results
}

case "${1:-test}" in
  test)
    ensure_deps
    start_postgres
    build
    run_tests
    ;;
  build)
    build
    ;;
  deps)
    ensure_deps
    ;;
  run)
    shift || true
    exec dotnet run --project src/Sosei.Web -- "$@"
    ;;
  *)
    echo "usage: ./build.sh [test|build|run|deps]" >&2
    exit 2
    ;;
esac
