#!/usr/bin/env bash
# Consensus throughput and finality of a 4-validator devnet under sustained signed-transaction load
# (docs/benchmarks.md, "Consensus throughput and finality"). Builds bench/Roundtable.LoadBench and the
# node (roundtable.dll) in Release, then runs one load per --rate value:
#   bench/load.sh                          offered 300 tx/s of fresh-key registrations for 60 s after 90 s of warm-up
#   bench/load.sh --rate 200 --rate 800    one run, one table row, per rate
#   bench/load.sh --seconds 10 --rate 100  a short smoke run (numbers not for the doc)
# Every other option is passed through (see Roundtable.LoadBench --help): --seconds, --warmup,
# --concurrency, --block-interval-ms, --max-block-txs, --validators, --drain, --keep, ...
# The table (header + one row per run) goes to stdout, progress and the details to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

for attempt in 1 2 3; do
  if dotnet build bench/Roundtable.LoadBench -c Release -nologo -clp:ErrorsOnly -v:q >&2; then break; fi
  # Other engineers build concurrently; a file lock in a shared obj/ directory is transient.
  [ "$attempt" = 3 ] && exit 1
  sleep 10
done
dll=bench/Roundtable.LoadBench/bin/Release/net10.0/Roundtable.LoadBench.dll
# The build leaves compiler servers running; the ceiling measured next must have the cores to itself.
dotnet build-server shutdown >/dev/null 2>&1 || true

rates=()
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rates+=("$2"); shift 2 ;;
    --keep|--header) options+=("$1"); shift ;;
    *) options+=("$1" "$2"); shift 2 ;;
  esac
done
[ "${#rates[@]}" -eq 0 ] && rates=(300)

header=(--header)
for rate in "${rates[@]}"; do
  dotnet "$dll" "${header[@]}" --rate "$rate" "${options[@]}"
  header=()
done
