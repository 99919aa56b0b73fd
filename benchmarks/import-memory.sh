#!/usr/bin/env bash
# Peak memory (maximum resident set size) of the CLI importing a plan of N KPIs (default 100,000): the plan file
# (JSON), then the same plan as an Excel workbook (the KPI sheet has N rows), dry run and real import, each into an
# empty SQLite database. Needs GNU time (/usr/bin/time, Debian package `time`). Not part of the test suite.
#   benchmarks/import-memory.sh [kpis]
set -euo pipefail
cd "$(dirname "$0")/.."
KPIS="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build src/Sosei.Cli -c Release -v q -nologo >/dev/null
dotnet build benchmarks/Sosei.Benchmarks -c Release -v q -nologo >/dev/null
sosei=(dotnet src/Sosei.Cli/bin/Release/net10.0/sosei.dll)
dotnet benchmarks/Sosei.Benchmarks/bin/Release/net10.0/Sosei.Benchmarks.dll generate-plan data/demo/abashiri-kpi-2015.json "$KPIS" "$work/plan.json"

measure() { # label, command…
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || { echo "failed: $label" >&2; tail -20 "$work/err" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '| %s | %s MB | %.0f s |\n' "$label" "$(( $(tail -1 "$work/rss") / 1024 ))" "$(echo "$end - $start" | bc)"
}

echo "plan: $KPIS KPIs; plan file $(( $(stat -c %s "$work/plan.json") / 1024 / 1024 )) MB"
echo
echo "| step | peak memory (max RSS) | time |"
echo "|---|---:|---:|"
measure "import plan file (JSON), dry run" "${sosei[@]}" import "$work/plan.json" --dry-run --data-dir "$work/a"
measure "import plan file (JSON)" "${sosei[@]}" import "$work/plan.json" --data-dir "$work/a"
measure "export workbook (xlsx)" "${sosei[@]}" export --plan abashiri-sosei-2015 --format xlsx --out "$work/plan.xlsx" --data-dir "$work/a"
# A workbook of 100,000 KPIs expands past the default 200 MB cap (Sosei:FileLimits:MaxExpandedBytes): raise it here.
export Sosei__FileLimits__MaxExpandedBytes="${MAX_EXPANDED_BYTES:-2000000000}"
measure "import workbook (xlsx, $(( $(stat -c %s "$work/plan.xlsx") / 1024 / 1024 )) MB), dry run" "${sosei[@]}" import "$work/plan.xlsx" --dry-run --data-dir "$work/b"
measure "import workbook (xlsx)" "${sosei[@]}" import "$work/plan.xlsx" --data-dir "$work/b"
