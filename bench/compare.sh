#!/usr/bin/env bash
# The devnet load benchmark (bench/load.sh) on two builds in turn, for a change too small to show
# against this host's run-to-run noise (docs/benchmarks.md, "Consensus throughput and finality"):
# the working tree's build and an earlier commit's, interleaved base, head, base, head, ... so that
# both see the same drifts of the host's speed. One table row per run, then the per-pair ratios.
#   bench/compare.sh 49be78a --workload warm --rate 3200 --warmup 30 --seconds 40
#   bench/compare.sh HEAD~3 --rounds 4 --rate 1600 --warmup 30
#   bench/compare.sh HEAD --rounds 3 ...   the same build twice: the noise alone
# --rounds N (default 3) pairs; every other option goes to bench/load.sh on both sides, so it must
# be one the earlier commit's load benchmark knows. The earlier commit is built in a temporary git
# worktree, removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
base=$(git rev-parse --verify "$1^{commit}")
shift
rounds=3
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    *) options+=("$1"); shift ;;
  esac
done

worktree=$(mktemp -d "${TMPDIR:-/tmp}/roundtable-compare-XXXXXX")
cleanup() { git worktree remove --force "$worktree" >/dev/null 2>&1 || rm -rf "$worktree"; }
trap cleanup EXIT
git worktree add --detach "$worktree" "$base" >/dev/null 2>&1

# Distinct labels even when REV is HEAD: comparing a build with itself measures the noise alone.
head_label="tree@$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+changes')"
base_label=$(git rev-parse --short "$base")
rows=$(mktemp)
printed_header=
run() { # side label directory
  echo "== $1 ($2), round $round of $rounds" >&2
  local out
  out=$(cd "$3" && bench/load.sh --header "${options[@]}")
  if [ -z "$printed_header" ]; then
    echo "$out" | grep '^| workload' | sed 's/^|/| build |/'
    echo "$out" | grep '^|---' | sed 's/^|/|---|/'
    printed_header=1
  fi
  echo "$out" | tail -n 1 | sed "s/^|/| $2 |/" | tee -a "$rows"
}

echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, bench/compare.sh $base_label ${options[*]} --rounds $rounds -->"
for round in $(seq 1 "$rounds"); do
  run base "$base_label" "$worktree"
  run head "$head_label" .
done

# Node CPU per committed transaction in single-core verifications, head over base, pair by pair.
verifies() { grep -o '([0-9.]* verifies)' | tr -d '(' | cut -d' ' -f1; }
mapfile -t base_v < <(grep "^| $base_label |" "$rows" | verifies)
mapfile -t head_v < <(grep "^| $head_label |" "$rows" | verifies)
echo
for i in "${!head_v[@]}"; do
  echo "pair $((i + 1)): $base_label ${base_v[$i]}, $head_label ${head_v[$i]} verifies of node CPU per transaction; head/base $(echo "${head_v[$i]} ${base_v[$i]}" | awk '{printf "%.3f", $1 / $2}')"
done
echo "mean head/base: $(awk -v h="${head_v[*]}" -v b="${base_v[*]}" \
  'BEGIN { n = split(h, hs, " "); split(b, bs, " "); for (i = 1; i <= n; i++) { sh += hs[i]; sb += bs[i] } printf "%.3f", sh / sb }')"
rm -f "$rows"
