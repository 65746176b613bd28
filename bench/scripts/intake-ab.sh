#!/bin/bash
# One configuration of the intake A/B (docs/performance.md, run F): starts run.sh on a fresh data directory, waits
# until the database is ready, runs ticket-intake at 4 and 8 threads twice (the first round warms the server up),
# prints one line per run, stops the server.
#   bench/scripts/intake-ab.sh LABEL [URL-SUFFIX]    e.g.  bench/scripts/intake-ab.sh qc ";QUERY_CACHE_SIZE=64"
# Extra settings reach the server through the environment, e.g. CENTRALIS_DB_DATASOURCE_CLASS=org.h2.Driver.
# Needs a built tree (web-module/target, broker/target, bench/target/centralis-bench.jar) and ports 18480/18481.
set -euo pipefail
cd "$(dirname "$0")/../.."
label=$1
data=/tmp/ab-$label
if [[ -n ${2:-} ]]; then # run.sh's URL as it was before run F (no QUERY_CACHE_SIZE) plus the suffix
  export CENTRALIS_DB_URL="jdbc:h2:file:$data/db/centralis;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE$2"
fi
source bench/scripts/server.sh
start_server "$data" "/tmp/ab-$label.run.log"
users=$INTAKE_USERS
for threads in 4 8 4 8; do
  java -jar bench/target/centralis-bench.jar ticket-intake --url http://localhost:18480 --users "$users" --threads $threads --seconds 30 2>/dev/null |
    python3 -c "import sys, json; j = json.loads(sys.stdin.read()); print('$label', 'threads', $threads, {k: j.get(k) for k in ('ticketsPerSecond', 'p50Ms', 'p99Ms', 'tickets', 'errors', 'undispatchedAfterWait')})"
done
