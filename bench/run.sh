#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them, printing one markdown table row per figure.
#   bench/run.sh                 all figures (verify, blockstore, stateroot, restart, proofs, portal)
#   bench/run.sh verify restart  only those
#   bench/run.sh --quick all     small sizes, a smoke test of the harness (numbers not for the doc)
#   bench/run.sh statesync       a fresh node joins a 1,000,000-transaction chain by snapshot (not in all)
#   bench/run.sh execute         the application's work per transaction of the load benchmark's two workloads, without signatures (not in all)
# Options are passed through: --keys N (stateroot, default 1000000), --blocks N (restart,
# default 100000), --transactions N (statesync, default 1000000), --dir PATH (scratch directory for disk figures; default $ROUNDTABLE_BENCH_DIR
# or the system temp directory — it must be on the disk you mean to measure).
# Figures are printed on stdout, progress on stderr. Each figure runs in its own process.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for attempt in 1 2 3; do
  if dotnet build bench/Roundtable.Bench -c Release -nologo -clp:ErrorsOnly -v:q >&2; then break; fi
  # Other engineers build concurrently; a file lock in a shared obj/ directory is transient.
  [ "$attempt" = 3 ] && exit 1
  sleep 5
done
dll=bench/Roundtable.Bench/bin/Release/net10.0/Roundtable.Bench.dll
# The build leaves compiler servers running; the figures measured next must have the cores to themselves.
dotnet build-server shutdown >/dev/null 2>&1 || true

options=()
figures=()
while [ $# -gt 0 ]; do
  case "$1" in
    --keys|--blocks|--transactions|--dir) options+=("$1" "$2"); shift 2 ;;
    --quick) options+=("$1"); shift ;;
    all) figures+=(verify blockstore stateroot restart proofs portal); shift ;;
    *) figures+=("$1"); shift ;;
  esac
done
[ "${#figures[@]}" -eq 0 ] && figures=(verify blockstore stateroot restart proofs portal)

echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load $(cut -d' ' -f1-3 /proc/loadavg) -->"
echo "| figure | measurement | result | peer / ceiling (same run) | ratio |"
echo "|---|---|---|---|---|"
for figure in "${figures[@]}"; do
  dotnet "$dll" "${options[@]}" "$figure"
done
