#!/usr/bin/env bash
# The DNS figure of docs/benchmarks.md ("DNS"): Roundtable.Dns against Knot DNS and NSD, in one run,
# on the same zone and the same dnsperf query file, all on loopback.
#   bench/dns.sh            100,000-name zone, 200,000-query file, 20 s of dnsperf per server
#   bench/dns.sh --quick    10,000 names, 5 s per server: a smoke test of the harness (not for the doc)
# Options: --names N, --queries N, --seconds S (measured), --warmup S, --workers W (UDP workers or
# processes of every server, default 2), --port P (first of three ports, default 15353),
# --sign-threads T (Knot's signing-threads, default 1), --udp-batch B (Roundtable's UdpBatchSize:
# datagrams per recvmmsg on Linux; default the server's default), --no-sign, --keep (keep the work directory).
# dnsperf runs as: dnsperf -s 127.0.0.1 -p PORT -d QUERIES -l S -c 4 -T 2 -q 256 -Q 1000000
# (override with DNSPERF_OPTS="..."), so it sends as fast as answers come back, with 256 queries in
# flight. dnsperf and the server share the machine's cores: that is a limit of the figure.
# Installs dnsperf, knot and nsd with apt-get when missing (nothing is downloaded while measuring).
# Markdown table on stdout (a comment line first: date, cores, load average, commit); progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

names=100000 queries=200000 seconds=20 warmup=3 workers=2 port=15353 sign_threads=1 sign=1 keep=0 udp_batch=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) names=10000 queries=20000 seconds=5 warmup=1; shift ;;
    --names) names="$2"; shift 2 ;;
    --queries) queries="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --workers) workers="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --sign-threads) sign_threads="$2"; shift 2 ;;
    --udp-batch) udp_batch=(--udp-batch "$2"); shift 2 ;;
    --no-sign) sign=0; shift ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
read -r -a dnsperf_opts <<< "${DNSPERF_OPTS:--c 4 -T 2 -q 256 -Q 1000000}"

log() { echo "[dns.sh $(date -u +%H:%M:%S)] $*" >&2; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }

# --- tools -----------------------------------------------------------------------------------------
if ! command -v dnsperf >/dev/null || ! command -v knotd >/dev/null || ! command -v nsd >/dev/null \
   || ! command -v keymgr >/dev/null || ! command -v kdig >/dev/null; then
  log "installing dnsperf, knot, knot-dnsutils, nsd"
  apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y dnsperf knot knot-dnsutils nsd >&2
fi
PATH="$PATH:/usr/sbin:/sbin"

for attempt in 1 2 3; do
  if dotnet build bench/Roundtable.DnsBench -c Release -nologo -clp:ErrorsOnly -v:q >&2; then break; fi
  # Other engineers build concurrently; a file lock in a shared obj/ directory is transient.
  [ "$attempt" = 3 ] && exit 1
  sleep 10
done
dll=bench/Roundtable.DnsBench/bin/Release/net10.0/Roundtable.DnsBench.dll

# --- work directory, and every process we start is stopped by its PID -------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/dnsbench.XXXXXX")
started=()
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local rest=() p
  for p in "${started[@]}"; do [ "$p" = "$pid" ] || rest+=("$p"); done
  started=("${rest[@]}")
}
cleanup() {
  local pid
  for pid in "${started[@]}"; do stop_pid "$pid"; done
  if [ "$keep" = 1 ]; then log "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

zone=$work/bench.zone
qfile=$work/queries.txt
log "work directory $work; generating $names names and $queries queries"
dotnet "$dll" gen --names "$names" --queries "$queries" --zone "$zone" --query-file "$qfile"

# --- process tree figures ---------------------------------------------------------------------------
tree() { # the PID and all its descendants
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" || true); do tree "$child"; done
}
cpu_ticks() { # utime+stime of the tree, in clock ticks
  local total=0 pid f
  for pid in $(tree "$1"); do
    [ -r "/proc/$pid/stat" ] || continue
    f=$(sed 's/^.*) //' "/proc/$pid/stat")
    total=$((total + $(echo "$f" | awk '{print $12 + $13}')))
  done
  echo "$total"
}
pss_kib() { # proportional set size of the tree: shared pages (NSD's forked children) counted once
  local total=0 pid v
  for pid in $(tree "$1"); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
status_kib() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; } # VmRSS / VmHWM of one process

wait_ready() { # until the server answers SOA for the zone, or it dies, or 180 s pass
  local pid=$1 p=$2 name=$3 i
  for i in $(seq 1 360); do
    if ! kill -0 "$pid" 2>/dev/null; then log "$name exited before answering"; return 1; fi
    if kdig @127.0.0.1 -p "$p" +short +time=1 +retry=0 bench.internal. SOA 2>/dev/null | grep -q hostmaster; then return 0; fi
    sleep 0.5
  done
  log "$name did not answer within 180 s"; return 1
}

port_free() { # nothing may answer on the port before we start a server there
  if kdig @127.0.0.1 -p "$1" +time=1 +retry=0 bench.internal. SOA 2>/dev/null | grep -q 'status:'; then
    log "something already answers DNS on 127.0.0.1:$1; stop it or use --port"; exit 1
  fi
}

declare -A qps cpu rss hwm pss lost codes latency load
tck=$(getconf CLK_TCK)

measure() { # name pid port
  local name=$1 pid=$2 p=$3 out before after
  dnsperf -s 127.0.0.1 -p "$p" -d "$qfile" -l "$warmup" "${dnsperf_opts[@]}" >/dev/null 2>&1 || true
  load[$name]=$(loadavg)
  before=$(cpu_ticks "$pid")
  out=$(dnsperf -s 127.0.0.1 -p "$p" -d "$qfile" -l "$seconds" "${dnsperf_opts[@]}" 2>&1)
  after=$(cpu_ticks "$pid")
  kill -0 "$pid" 2>/dev/null || { log "$name (pid $pid) is gone after dnsperf"; exit 1; }
  echo "$out" > "$work/dnsperf-$name.txt"
  qps[$name]=$(echo "$out" | awk '/Queries per second:/ {print $4}')
  lost[$name]=$(echo "$out" | awk '/Queries lost:/ {print $4}' | tr -d '()')
  codes[$name]=$(echo "$out" | sed -n 's/^ *Response codes: *//p')
  latency[$name]=$(echo "$out" | awk '/Average Latency/ {print $4 * 1000}')
  # CPU cores the server kept busy during the measured seconds.
  cpu[$name]=$(awk -v a="$after" -v b="$before" -v t="$tck" -v s="$seconds" 'BEGIN {printf "%.2f", (a - b) / t / s}')
  rss[$name]=$(status_kib "$pid" VmRSS)
  hwm[$name]=$(for q in $(tree "$pid"); do status_kib "$q" VmHWM; done | sort -n | tail -1) # the largest process's peak
  pss[$name]=$(pss_kib "$pid")
  local breakdown="" q
  for q in $(tree "$pid"); do
    breakdown+=" $(cat "/proc/$q/comm" 2>/dev/null)[$q] PSS $(awk '/^Pss:/ {printf "%.0f", $2 / 1024}' "/proc/$q/smaps_rollup" 2>/dev/null) MiB,"
  done
  log "$name processes:${breakdown%,}"
  log "$name: ${qps[$name]} q/s, lost ${lost[$name]}, server CPU ${cpu[$name]} cores, avg latency ${latency[$name]} ms, PSS $((pss[$name] / 1024)) MiB, VmRSS $((rss[$name] / 1024)) MiB, VmHWM $((hwm[$name] / 1024)) MiB, load ${load[$name]}; ${codes[$name]}"
}

# --- Roundtable ---------------------------------------------------------------------------------------
rt_port=$port knot_port=$((port + 1)) nsd_port=$((port + 2))
log "Roundtable on 127.0.0.1:$rt_port, $workers UDP workers"
port_free "$rt_port"
dotnet "$dll" serve --zone "$zone" --port "$rt_port" --workers "$workers" "${udp_batch[@]}" > "$work/roundtable.log" 2>&1 &
pid=$!; started+=("$pid")
wait_ready "$pid" "$rt_port" Roundtable || { cat "$work/roundtable.log" >&2; exit 1; }
log "$(head -1 "$work/roundtable.log")"
measure Roundtable "$pid" "$rt_port"
stop_pid "$pid"
if grep -q 'DnsServer.DisposeAsync threw' "$work/roundtable.log"; then
  log "Roundtable: DnsServer.DisposeAsync threw on stop (after the measurement): $(grep -m1 -o 'System\.[A-Za-z.]*Exception' "$work/roundtable.log")"
fi

# --- Knot ---------------------------------------------------------------------------------------------
knot_config() { # port dir [signing]
  cat <<EOF
server:
    rundir: "$2"
    listen: 127.0.0.1@$1
    udp-workers: $workers
    tcp-workers: 1
    background-workers: 1
log:
  - target: "$2/knot.log"
    any: info
database:
    storage: "$2"
template:
  - id: default
    storage: "$2"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
EOF
  if [ "${3:-}" = signing ]; then
    cat <<EOF
policy:
  - id: bench
    algorithm: ecdsap256sha256
    nsec3: off
    manual: on
    signing-threads: $sign_threads
zone:
  - domain: bench.internal.
    file: "$zone"
    dnssec-signing: on
    dnssec-policy: bench
EOF
  else
    cat <<EOF
zone:
  - domain: bench.internal.
    file: "$zone"
EOF
  fi
}
mkdir -p "$work/knot"
knot_config "$knot_port" "$work/knot" > "$work/knot/knot.conf"
log "Knot $(knotd --version | awk '{print $NF}') on 127.0.0.1:$knot_port, udp-workers $workers"
port_free "$knot_port"
knotd -c "$work/knot/knot.conf" > "$work/knot/stdout.log" 2>&1 &
pid=$!; started+=("$pid")
wait_ready "$pid" "$knot_port" Knot || { cat "$work/knot/knot.log" >&2; exit 1; }
measure Knot "$pid" "$knot_port"
stop_pid "$pid"

# --- NSD ----------------------------------------------------------------------------------------------
mkdir -p "$work/nsd"
cat > "$work/nsd/nsd.conf" <<EOF
server:
    ip-address: 127.0.0.1
    port: $nsd_port
    server-count: $workers
    reuseport: yes
    username: ""
    chroot: ""
    zonesdir: "$work"
    database: ""
    zonelistfile: "$work/nsd/zone.list"
    xfrdfile: "$work/nsd/xfrd.state"
    xfrdir: "$work/nsd"
    pidfile: "$work/nsd/nsd.pid"
    logfile: "$work/nsd/nsd.log"
    rrl-ratelimit: 0
    minimal-responses: yes
    tcp-count: 16
remote-control:
    control-enable: no
zone:
    name: bench.internal.
    zonefile: "$zone"
EOF
log "NSD $(nsd -v 2>&1 | awk 'NR == 1 {print $NF}') on 127.0.0.1:$nsd_port, server-count $workers"
port_free "$nsd_port"
nsd -d -c "$work/nsd/nsd.conf" > "$work/nsd/stdout.log" 2>&1 &
pid=$!; started+=("$pid")
wait_ready "$pid" "$nsd_port" NSD || { cat "$work/nsd/nsd.log" "$work/nsd/stdout.log" >&2; exit 1; }
measure NSD "$pid" "$nsd_port"
stop_pid "$pid"

# --- Roundtable's answer engine alone (no sockets), for the analysis ------------------------------------
engine_rate=$(dotnet "$dll" answer --zone "$zone" --query-file "$qfile" --seconds 5)
engine_load=$(loadavg)
log "AnswerEngine alone: $engine_rate (load $engine_load)"

# --- DNSSEC signing -----------------------------------------------------------------------------------
knot_sign="" rt_sign=""
if [ "$sign" = 1 ]; then
  mkdir -p "$work/knot-sign"
  conf=$work/knot-sign/knot.conf
  knot_config "$((port + 3))" "$work/knot-sign" signing > "$conf"
  # Keys made beforehand (manual policy), so the timed part is signing alone.
  keymgr -c "$conf" bench.internal. generate algorithm=ecdsap256sha256 ksk=yes zsk=no >/dev/null
  keymgr -c "$conf" bench.internal. generate algorithm=ecdsap256sha256 ksk=no zsk=yes >/dev/null
  log "Knot signing bench.internal. (ECDSA P-256, NSEC, signing-threads $sign_threads)"
  port_free "$((port + 3))"
  knotd -c "$conf" > "$work/knot-sign/stdout.log" 2>&1 &
  pid=$!; started+=("$pid")
  wait_ready "$pid" "$((port + 3))" "Knot (signing)" || { cat "$work/knot-sign/knot.log" >&2; exit 1; }
  # The first signing happened at load; time a full re-sign (all signatures dropped and made again).
  sign_load=$(loadavg)
  start=$(date +%s.%N)
  knotc -c "$conf" -b -t 3600 zone-sign bench.internal. >&2
  end=$(date +%s.%N)
  knot_sign=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
  rrsigs=$(kdig @127.0.0.1 -p "$((port + 3))" +dnssec +short n000001.bench.internal. A | grep -c '^A ' || true)
  log "Knot signed in $knot_sign s (load $sign_load; RRSIG on an A answer: $rrsigs)"
  stop_pid "$pid"
  set +e
  rt_out=$(dotnet "$dll" sign --zone "$zone")
  rc=$?
  set -e
  if [ "$rc" = 0 ]; then
    rt_sign=$(echo "$rt_out" | awk '/^signed/ {print $(NF-1)}')
    rt_sign_load=$(loadavg)
  else
    log "Roundtable signing: no figure (exit $rc)"
  fi
fi

# --- table --------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "?"}'; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
echo "<!-- $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load $(cut -d' ' -f1-3 /proc/loadavg); $names names, $queries queries, $seconds s per server after $warmup s warm-up; dnsperf ${dnsperf_opts[*]}${udp_batch[*]:+; Roundtable ${udp_batch[*]}} -->"
echo "| server | queries/s | × Knot | server CPU (cores) | queries per server CPU-second | × Knot | memory, PSS (MiB) | × Knot | peak RSS, largest VmHWM (MiB) | lost | load (1 min) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for s in Roundtable Knot NSD; do
  per_cpu=$(awk -v q="${qps[$s]}" -v c="${cpu[$s]}" 'BEGIN {if (c > 0) printf "%.0f", q / c; else print "?"}')
  knot_per_cpu=$(awk -v q="${qps[Knot]}" -v c="${cpu[Knot]}" 'BEGIN {if (c > 0) printf "%.0f", q / c; else print 0}')
  printf '| %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$s" "${qps[$s]}" "$(ratio "${qps[$s]}" "${qps[Knot]}")" \
    "${cpu[$s]}" "$per_cpu" "$(ratio "$per_cpu" "$knot_per_cpu")" "$(mib "${pss[$s]}")" "$(ratio "${pss[$s]}" "${pss[Knot]}")" \
    "$(mib "${hwm[$s]}")" "${lost[$s]}" "${load[$s]}"
done
if [ "$sign" = 1 ]; then
  echo
  echo "| signer (ECDSA P-256, NSEC, $names names) | seconds | × Knot | load (1 min) |"
  echo "|---|---|---|---|"
  echo "| Knot \`knotc zone-sign\`, signing-threads $sign_threads | $knot_sign | 1.00 | $sign_load |"
  if [ -n "$rt_sign" ]; then
    echo "| Roundtable | $rt_sign | $(ratio "$rt_sign" "$knot_sign") | $rt_sign_load |"
  fi
fi
echo "<!-- Roundtable AnswerEngine.Answer alone, one thread, no sockets: $engine_rate; load $engine_load -->"
for s in Roundtable Knot NSD; do echo "<!-- $s response codes: ${codes[$s]}; average latency ${latency[$s]} ms -->"; done
