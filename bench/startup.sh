#!/usr/bin/env bash
# Start-up of a node, JIT against ReadyToRun (docs/benchmarks.md, "Start-up"): builds the CLI as
# every command here runs it (JIT) and publishes it precompiled (dotnet publish -r linux-x64, which
# uses the project's PublishReadyToRun), makes one single-validator home, then launches the node
# from each build in turn, interleaved, and times launch → first /api/v1/status answer → first
# portal page. Prints the medians and the ratio R2R ÷ JIT.
#   bench/startup.sh            10 launches of each
#   bench/startup.sh --runs 20
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
runs=10
[ "${1:-}" = "--runs" ] && runs=$2

work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build src/Roundtable.Cli -c Release -nologo -clp:ErrorsOnly -v:q >&2
dotnet publish src/Roundtable.Cli -c Release -r linux-x64 --self-contained false -o "$work/r2r" -nologo -clp:ErrorsOnly -v:q >&2
jit=src/Roundtable.Cli/bin/Release/net10.0/roundtable.dll
port=$((27000 + RANDOM % 3000))
dotnet "$jit" init --home "$work/home" --api-url "http://127.0.0.1:$port" >/dev/null

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
launch() { # dll -> "ms-to-status ms-to-portal"
  local start; start=$(now_ms)
  dotnet "$1" node start --home "$work/home" > "$work/node.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/api/v1/status" >/dev/null; do sleep 0.01; done
  local status; status=$(( $(now_ms) - start ))
  curl -sf "http://127.0.0.1:$port/" >/dev/null
  local portal; portal=$(( $(now_ms) - start ))
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo "$status $portal"
}

: > "$work/jit"; : > "$work/r2r.txt"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for i in $(seq 1 "$runs"); do
  launch "$jit" >> "$work/jit"
  launch "$work/r2r/roundtable.dll" >> "$work/r2r.txt"
  echo "run $i of $runs" >&2
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
js=$(cut -d' ' -f1 "$work/jit" | median); jp=$(cut -d' ' -f2 "$work/jit" | median)
rs=$(cut -d' ' -f1 "$work/r2r.txt" | median); rp=$(cut -d' ' -f2 "$work/r2r.txt" | median)
echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg), $runs launches each, interleaved -->"
echo "| build | launch → API answers (median) | launch → first portal page (median) |"
echo "|---|---|---|"
echo "| JIT (\`dotnet build\`, as devnet and the tests run it) | $js ms | $jp ms |"
echo "| ReadyToRun (\`dotnet publish -r linux-x64\`) | $rs ms | $rp ms |"
awk -v a="$rs" -v b="$js" -v c="$rp" -v d="$jp" 'BEGIN {printf "| ratio R2R ÷ JIT | %.2f | %.2f |\n", a/b, c/d}'
