#!/usr/bin/env bash
# Takes the screenshots in docs/portal/ that docs/portal.md shows: starts a fresh devnet (with its
# demo: a round table with a poll, a recommendation under consensus, a parameter change) in a
# temporary folder on free ports, waits for the demo's records, photographs the main pages with
# headless Chromium on a desktop and a phone screen, then stops every node it started.
#   eng/portal-screenshots.sh            # writes docs/portal/*.png
# Needs Debian's chromium (./test.sh installs it) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/Roundtable.Cli -c Release -nologo -clp:ErrorsOnly -v:q >&2
cli=src/Roundtable.Cli/bin/Release/net10.0/roundtable.dll
work=$(mktemp -d)
base=${PORTAL_SHOTS_BASE_PORT:-27650}
api="http://127.0.0.1:$((base + 7))"
out=docs/portal

dotnet "$cli" devnet --dir "$work/devnet" --base-port "$base" --block-interval-ms 500 >"$work/devnet.log" 2>&1 &
devnet=$!
trap 'kill -TERM "$devnet" 2>/dev/null; wait "$devnet" 2>/dev/null; rm -rf "$work"' EXIT

# The demo's records: a session and two proposals (governance periods last 20 s of block time).
# The ids of a list answer, one per line (none while the node is not up yet).
ids() { curl -fsS "$api$1" 2>/dev/null | grep -o '"id":"[0-9a-f]\{64\}"' | cut -d'"' -f4 || true; }
for _ in $(seq 1 240); do
  [ "$(ids /api/v1/proposals | wc -l)" -ge 2 ] && [ "$(ids /api/v1/sessions | wc -l)" -ge 1 ] && break
  sleep 1
done
proposal=$(ids /api/v1/proposals | head -n 1)
session=$(ids /api/v1/sessions | head -n 1)
[ -n "$proposal" ] && [ -n "$session" ] || { echo "The demo did not produce its records; see $work/devnet.log" >&2; exit 1; }
sleep 30 # let the demo's votes and the poll land, so the counts have figures

shot() { # name, path, width, height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$3,$4" \
    --screenshot="$out/$1.png" "$api$2" >/dev/null 2>&1
  echo "$out/$1.png  $api$2  ($3×$4)"
}
shot home / 1280 900
shot home-phone / 360 740
shot block /blocks/3 1280 900
shot power /power 1280 1100
shot proposals /proposals 1280 900
shot proposal "/proposals/$proposal" 1280 1400
shot session "/sessions/$session" 1280 1400
shot session-fr "/sessions/$session?lang=fr" 1280 1400
shot verify /verify 1280 900
shot join /join 1280 1300
shot members /members 1280 900
# The demo's room code, so the room page shows its QR code as the organisers would.
shot room "/sessions/$session/room?code=IGF-7342" 1280 1100
shot room-phone "/sessions/$session/room?code=IGF-7342" 360 900
