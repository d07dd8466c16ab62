#!/usr/bin/env bash
# Runs every test of Roundtable on a fresh machine that has only the .NET SDK.
# Installs the system tools the tests need (through apt-get) when they are missing, builds once
# in Release with warnings as errors, runs every test project, then time-boxes the fuzzer and the consensus simulator (2,000 seeds).
# Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# System packages the tests use, as "command:package" pairs. Installed only when missing.
REQUIRED_TOOLS=(
  "kill:procps"
  "chromium:chromium"
  "dig:bind9-dnsutils"
  "kdig:knot-dnsutils"
  "nsd:nsd"
  "unbound:unbound"
  "ldns-verify-zone:ldnsutils"
)
missing=()
for pair in "${REQUIRED_TOOLS[@]}"; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing test dependencies: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet build Roundtable.sln -c Release -nologo -clp:ErrorsOnly

log="$(mktemp)"
# Figures the tests measure but do not assert (e.g. the catch-up time), printed at the end.
export ROUNDTABLE_TEST_REPORT="$(mktemp)"
trap 'rm -f "$log" "$ROUNDTABLE_TEST_REPORT"' EXIT
status=0
dotnet test Roundtable.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

fuzz_status=0
if [ -d fuzz/Roundtable.Fuzz ]; then
  echo "Fuzzing every decoder for ${FUZZ_SECONDS} s in total (seed ${FUZZ_SEED:-1})..."
  dotnet run --project fuzz/Roundtable.Fuzz -c Release --no-build -- --target all --seconds "$FUZZ_SECONDS" --seed "${FUZZ_SEED:-1}" || fuzz_status=$?
fi

sim_status=0
if [ -d sim/Roundtable.Simulation ]; then
  echo "Simulating ${SIM_SEEDS:-2000} consensus seeds (time-boxed to ${SIM_MINUTES:-12} min)..."
  dotnet run --project sim/Roundtable.Simulation -c Release --no-build -- --seeds "${SIM_SEEDS:-2000}" --minutes "${SIM_MINUTES:-12}" || sim_status=$?
fi

if [ -s "$ROUNDTABLE_TEST_REPORT" ]; then
  echo "Measured by the tests (not asserted):"
  sed 's/^/  /' "$ROUNDTABLE_TEST_REPORT"
fi

sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{s+=$2} END {print s+0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
if [ "$fuzz_status" -ne 0 ]; then
  echo "The fuzzer found a crash (see above); it is saved as a regression test."
  failed=$((failed + 1))
fi
if [ "$sim_status" -ne 0 ]; then
  echo "The simulator found an invariant violation (the seed and replay command are printed above)."
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$fuzz_status" -eq 0 ] && [ "$sim_status" -eq 0 ] && [ "$failed" -eq 0 ]
