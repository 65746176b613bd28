#!/bin/bash
# Intake at steady state (docs/performance.md, run G): starts run.sh on a fresh data directory, runs ticket-intake for
# WARM seconds (default 180: the JIT still compiles minutes into a run), then measures 30 s and prints one line with
# the server's and the broker's CPU over those 30 s (from /proc/<pid>/stat) and the server's CPU per ticket.
#   bench/scripts/intake-warm.sh LABEL [THREADS]        e.g.  WARM=180 bench/scripts/intake-warm.sh main 8
# AP=/path/to/libasyncProfiler.so (async-profiler 3.0, from Maven Central tools.profiler:async-profiler:3.0:linux-x64)
# also writes a CPU profile of the measured 30 s to /tmp/iw-LABEL.collapsed. Server settings reach it through the
# environment, e.g. CENTRALIS_INTAKE_WRITERS=2. Needs a built tree and ports 18480/18481.
set -euo pipefail
cd "$(dirname "$0")/../.."
label=$1
threads=${2:-8}
source bench/scripts/server.sh
start_server "/tmp/iw-$label" "/tmp/iw-$label.run.log"
users=$INTAKE_USERS
intake() { java -jar bench/target/centralis-bench.jar ticket-intake --url http://localhost:18480 --users "$users" --threads "$threads" "$@" 2>/dev/null; }
intake --seconds "${WARM:-180}" > /dev/null
server_pids
profile_start
s0=$(cpu "$pid"); b0=$(cpu "$broker"); t0=$(date +%s.%N)
intake --seconds 30 --warmup-seconds 0 > "/tmp/iw-$label.json" &
bench=$!
sleep 30
s1=$(cpu "$pid"); b1=$(cpu "$broker"); t1=$(date +%s.%N)
profile_stop "/tmp/iw-$label.collapsed"
wait $bench
python3 - "$label" "$s0" "$s1" "$b0" "$b1" "$t0" "$t1" <<'PY'
import json, sys
label, s0, s1, b0, b1, t0, t1 = sys.argv[1], *map(float, sys.argv[2:])
j = json.load(open(f"/tmp/iw-{label}.json"))
wall = t1 - t0
print(label, {k: j.get(k) for k in ("ticketsPerSecond", "p50Ms", "p95Ms", "p99Ms", "tickets", "errors", "undispatchedAfterWait")},
      "server cores", round((s1 - s0) / 100 / wall, 2), "broker cores", round((b1 - b0) / 100 / wall, 2),
      "server ms/ticket", round((s1 - s0) * 10 / max(1, j["tickets"]), 1))
PY
