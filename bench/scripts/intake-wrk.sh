#!/bin/bash
# Intake at steady state with wrk as the client (docs/performance.md, run I): starts run.sh on a fresh data directory,
# drives POST /api/tickets with bench/scripts/intake-wrk.lua for WARM seconds (default 180), then measures 30 s and
# prints one line: wrk's figures, the server's, the broker's and wrk's own CPU over those 30 s (from /proc/<pid>/stat),
# and, after a wait, how many of the tickets created are still NEW (not dispatched) by hq1's /api/tickets/counts, and
# the server's young GC pauses in the window (jstat).
#   bench/scripts/intake-wrk.sh LABEL [CONNECTIONS]      e.g.  WARM=180 bench/scripts/intake-wrk.sh main 8
# THINK_MS=290 makes each connection wait about that long before each request (intake-wrk.lua): with 100 connections
# about 300 requests/s offered, instead of back to back.
# AP=/path/to/libasyncProfiler.so also writes a CPU profile of the measured 30 s to /tmp/iwrk-LABEL.collapsed (as
# intake-warm.sh). Needs a built tree, wrk (apt-get install wrk) and ports 18480/18481.
set -euo pipefail
cd "$(dirname "$0")/../.."
label=$1
connections=${2:-8}
script=bench/scripts/intake-wrk.lua
source bench/scripts/server.sh
start_server "/tmp/iwrk-$label" "/tmp/iwrk-$label.run.log"
url=http://localhost:18480
counts() { curl -sf -u hq1:centralis "$url/api/tickets/counts"; }
before=$(counts)
wrk -t2 -c"$connections" -d"${WARM:-180}s" -s $script "$url" > /dev/null
server_pids
profile_start
s0=$(cpu "$pid"); b0=$(cpu "$broker"); t0=$(date +%s.%N); g0=$(young_gc "$pid")
wrk -t2 -c"$connections" -d30s --timeout 30s -s $script "$url" > "/tmp/iwrk-$label.out" &
client=$!
sleep 1
w0=$(cpu "$(pgrep -n -x wrk)")
sleep 28.5
w1=$(cpu "$(pgrep -n -x wrk)")
s1=$(cpu "$pid"); b1=$(cpu "$broker"); t1=$(date +%s.%N); g1=$(young_gc "$pid")
profile_stop "/tmp/iwrk-$label.collapsed"
wait $client
sleep "${DRAIN:-20}"
after=$(counts)
python3 - "$label" "$s0" "$s1" "$b0" "$b1" "$w0" "$w1" "$t0" "$t1" "$before" "$after" "$g0" "$g1" <<'PY'
import json, sys
label, s0, s1, b0, b1, w0, w1, t0, t1 = sys.argv[1], *map(float, sys.argv[2:10])
before, after = (json.loads(a)["byStatus"] for a in sys.argv[10:12])
(gc0, gt0), (gc1, gt1) = (map(float, g.split()) for g in sys.argv[12:14])
j = json.loads([l for l in open(f"/tmp/iwrk-{label}.out") if l.startswith("{")][-1])
wall = t1 - t0
total = lambda c: sum(c.values())
print(label, j, "server cores", round((s1 - s0) / 100 / wall, 2), "broker cores", round((b1 - b0) / 100 / wall, 2),
      "wrk cores", round((w1 - w0) / 100 / 28.5, 2), "server ms/ticket", round((s1 - s0) * 10 / max(1, j["created"]), 1),
      "created in all", total(after) - total(before), "still NEW", after.get("NEW", 0) - before.get("NEW", 0),
      "young GCs", int(gc1 - gc0), "ms each", round((gt1 - gt0) * 1000 / max(1, gc1 - gc0), 1))
PY
