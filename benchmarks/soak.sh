#!/usr/bin/env bash
# Soak test: the web app (Release, SQLite, demo data) under wrk for DURATION (default 10m) against the main pages and
# the JSON API (paths in benchmarks/soak.lua), with the server's memory before and after. Not part of the test suite.
#   benchmarks/soak.sh [duration] [connections]      e.g. benchmarks/soak.sh 10m 8
# Installs Debian's wrk when missing (apt-get, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-10m}"
CONNECTIONS="${2:-8}"
PORT="${SOAK_PORT:-5099}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work="$(mktemp -d)"
dotnet build src/Sosei.Web -c Release -v q -nologo >/dev/null
(cd src/Sosei.Web && exec dotnet bin/Release/net10.0/Sosei.Web.dll --urls "http://127.0.0.1:$PORT" \
  --Sosei:DataDirectory="$work" --Logging:LogLevel:Default=Warning) >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" || { echo "server did not start" >&2; tail -30 "$work/server.log" >&2; exit 1; }

rss() { awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$server/status"; }

# One pass over every path first, so "before" is the memory of a warmed-up server.
wrk -t1 -c1 -d10s -s benchmarks/soak.lua "http://127.0.0.1:$PORT" >/dev/null
echo "server memory before: $(rss) (after a 10 s warm-up)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s benchmarks/soak.lua "http://127.0.0.1:$PORT"
echo "server memory after: $(rss)"
sleep 30
echo "server memory 30 s later: $(rss)"
grep -c " fail: \| crit: " "$work/server.log" | sed 's/^/server log errors: /' || true
