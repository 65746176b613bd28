#!/usr/bin/env bash
# Builds what is missing and starts Centralis on the embedded default:
#   ActiveMQ Artemis broker (journal under ./data/broker) → Payara Micro with the Artemis resource
#   adapter and the Centralis WAR (H2 in Oracle mode under ./data/db, migrations, demo data once).
# Ctrl-C stops everything cleanly: the application first, the broker last.
#   ./run.sh            build if needed, start on port 8080
#   PORT=9090 ./run.sh  another HTTP port;  ./run.sh --rebuild  force a build first
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PORT=${PORT:-8080}
BROKER_PORT=${BROKER_PORT:-61616}
DATA=${CENTRALIS_DATA:-$ROOT/data}
WAR=web-module/target/centralis.war
RAR=web-module/target/runtime/centralis-artemis-ra.rar
MICRO=web-module/target/runtime/payara-micro.jar
BROKER=broker/target/centralis-broker.jar

needs_build() {
  [[ "${1:-}" == "--rebuild" ]] && return 0
  for f in "$WAR" "$RAR" "$MICRO" "$BROKER"; do [[ -f $f ]] || return 0; done
  # Sources changed since the last build?
  [[ -n $(find pom.xml */pom.xml sql/src ejb-module/src web-module/src broker/src artemis-rar/src -newer "$WAR" -type f -print -quit 2>/dev/null) ]]
}

if needs_build "${1:-}"; then
  echo "Building Centralis (mvn package, tests skipped; run the tests with: mvn verify) ..."
  mvn -B -q -DskipTests package
fi

mkdir -p "$DATA/db" "$DATA/broker" "$DATA/logs"
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping Centralis ..."
  if [[ -n ${MICRO_PID:-} ]] && kill -0 "$MICRO_PID" 2>/dev/null; then
    kill -TERM "$MICRO_PID"; wait "$MICRO_PID" 2>/dev/null || true
  fi
  if [[ -n ${BROKER_PID:-} ]] && kill -0 "$BROKER_PID" 2>/dev/null; then
    kill -TERM "$BROKER_PID"; wait "$BROKER_PID" 2>/dev/null || true
  fi
  echo "Stopped."
}
trap stop_all INT TERM EXIT

# H2 writes a new chunk at every commit and, with WRITE_DELAY=0, reclaims none of the old ones while the server runs
# (docs/runtime.md): compact the file before anyone opens it, with the H2 that Payara Micro serves it with. Only for
# the default database; a file in use (another run on this data directory) is left as it is.
H2_JAR=web-module/target/micro-h2/MICRO-INF/runtime/h2.jar
if [[ -z ${CENTRALIS_DB_URL:-} && -f "$DATA/db/centralis.mv.db" && -f $H2_JAR ]]; then
  before=$(du -m "$DATA/db/centralis.mv.db" | cut -f1)
  java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/db/centralis;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH" \
    -user "${CENTRALIS_DB_USER:-centralis}" -password "${CENTRALIS_DB_PASSWORD:-centralis}" -sql "SHUTDOWN COMPACT" \
    >"$DATA/logs/compact.log" 2>&1 || true   # the shell reports the closed database after SHUTDOWN
  echo "Database file compacted: $before MB -> $(du -m "$DATA/db/centralis.mv.db" | cut -f1) MB (log: $DATA/logs/compact.log)"
fi

# Each JVM gets its own session (setsid): Ctrl-C reaches only this script, whose trap then stops
# the application first and the broker last, instead of both at once.
setsid java -Xmx512m -jar "$BROKER" --data-dir "$DATA/broker" --host 127.0.0.1 --port "$BROKER_PORT" >"$DATA/logs/broker.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 1 60); do
  grep -q "broker ready" "$DATA/logs/broker.log" 2>/dev/null && break
  kill -0 "$BROKER_PID" 2>/dev/null || { cat "$DATA/logs/broker.log"; echo "The broker did not start." >&2; exit 1; }
  sleep 0.5
done

# The resource adapter must be deployed before the application that uses it.
echo "deploy --name centralis-artemis-ra $ROOT/$RAR" >"$DATA/postboot.asadmin"

# Resource annotations read ${MPCONFIG=...} from server-level sources (environment, system
# properties), not from the application's defaults file: every key they use is set here.
export CENTRALIS_DB_DATASOURCE_CLASS=${CENTRALIS_DB_DATASOURCE_CLASS:-org.h2.jdbcx.JdbcDataSource}
# WRITE_DELAY=0: a committed row survives kill -9. AUTO_SERVER: tools and tests may open the file too.
export CENTRALIS_DB_URL=${CENTRALIS_DB_URL:-"jdbc:h2:file:$DATA/db/centralis;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;AUTO_SERVER=TRUE"}
export CENTRALIS_DB_USER=${CENTRALIS_DB_USER:-centralis}
export CENTRALIS_DB_PASSWORD=${CENTRALIS_DB_PASSWORD:-centralis}
export CENTRALIS_BROKER_HOST=127.0.0.1
export CENTRALIS_BROKER_PORT="$BROKER_PORT"
export CENTRALIS_DEMO_ENABLED=${CENTRALIS_DEMO_ENABLED:-true}

rm -rf "$DATA/payara"  # Micro would redeploy the previous run's archives from its root dir
echo "Starting Payara Micro on port $PORT (log: $DATA/logs/payara.log) ..."
# shellcheck disable=SC2086 # CENTRALIS_JAVA_OPTS holds several options, split on purpose
setsid java -Xmx2g -XX:+UseG1GC ${CENTRALIS_JAVA_OPTS:-} -Duser.timezone=UTC -Dfile.encoding=UTF-8 -jar "$MICRO" \
  --nocluster --port "$PORT" --rootdir "$DATA/payara" \
  --postbootcommandfile "$DATA/postboot.asadmin" \
  --deploy "$WAR" --contextroot / >"$DATA/logs/payara.log" 2>&1 &
MICRO_PID=$!

started=$(date +%s)
# Payara's own readiness is UP even when the application failed to deploy: wait for ours too.
until curl -fsS "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q '"database"'; do
  if ! kill -0 "$MICRO_PID" 2>/dev/null; then
    tail -50 "$DATA/logs/payara.log"; echo "Payara Micro stopped during start-up." >&2; exit 1
  fi
  if (( $(date +%s) - started > 600 )); then
    tail -50 "$DATA/logs/payara.log"; echo "Centralis did not become ready in 600 s." >&2; exit 1
  fi
  sleep 1
done

cat <<MSG

  Centralis is ready after $(( $(date +%s) - started )) s:  http://localhost:$PORT/
  API: http://localhost:$PORT/api   OpenAPI: http://localhost:$PORT/openapi   Health: http://localhost:$PORT/health/ready

  Demo logins (password: centralis)
    staff1            branch staff at an outlet (网点柜员)
    agent1 … agent30  call-center agents (座席)
    super1            supervisor (班长席)
    hq1               headquarters manager
    audit1            auditor
    admin1            administrator
    cti               PBX / CTI integration account (API)

  Press Ctrl-C to stop.
MSG
wait "$MICRO_PID"
