#!/usr/bin/env bash
# EAR smoke test on Payara Server 6 (CI runs it after the Maven build).
#
# Proves that ear/target/centralis.ear deploys and answers on a full Payara Server:
#   1. fetches the Payara Server zip through Maven (cached in ~/.m2), unzips it under a temp dir
#   2. creates a throw-away domain on free ports (--portbase), starts the Centralis broker on a free port
#   3. configures the server: -Duser.timezone=UTC, CENTRALIS_* as server system properties
#      (H2 file database in Oracle mode in the temp dir, the broker's port, demo data on)
#   4. deploys the Artemis RAR (name centralis-artemis-ra) and then the EAR
#   5. checks over HTTP: /login.xhtml 200, /api/tickets without credentials 401 problem+json,
#      /health/ready UP with the application's own checks (database, broker), and an API call with
#      demo Basic credentials 200 (EJB security inside the EAR)
# The domain and the broker are always stopped at the end (trap); on failure the server log tail is
# printed and the exit status is non-zero. Every run uses a fresh temp dir: idempotent, no state kept.
#
#   .ci/ear-smoke.sh                 run (builds the EAR first if it is missing)
#   SMOKE_KEEP=1 .ci/ear-smoke.sh    keep the temp dir (domain, logs, database) for inspection
#   PAYARA_SERVER_VERSION=…          another fish.payara.distributions:payara version (default 6.2025.9)
#   CENTRALIS_DB_DATASOURCE_CLASS, CENTRALIS_DB_URL, CENTRALIS_DB_USER, CENTRALIS_DB_PASSWORD
#                                    another database (e.g. an Oracle test schema) instead of the temp H2
#   CENTRALIS_DEMO_ENABLED=false     no demo data (saves its load time; skips the authenticated check)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PAYARA_SERVER_VERSION=${PAYARA_SERVER_VERSION:-6.2025.9}
# The project's H2 (pom.xml h2.version): Payara bundles 2.2.224, which the smoke test replaces (docs/runtime.md)
H2_VERSION=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
EAR=$ROOT/ear/target/centralis.ear
RAR=$ROOT/web-module/target/runtime/centralis-artemis-ra.rar
BROKER_JAR=$ROOT/broker/target/centralis-broker.jar
RA_NAME=centralis-artemis-ra
APP_NAME=centralis
DOMAIN=centralis-smoke
ADMIN_USER=admin
# Demo data gives the smoke test a user for an authenticated API call (password "centralis");
# CENTRALIS_DEMO_ENABLED=false skips loading it (faster) and that check.
DEMO=${CENTRALIS_DEMO_ENABLED:-true}
API_USER=${SMOKE_API_USER:-agent1}
API_PASSWORD=${SMOKE_API_PASSWORD:-centralis}
DEPLOY_TIMEOUT=${SMOKE_DEPLOY_TIMEOUT:-360} # a bound for a hung deployment, not the expected time

T0=$(date +%s)
log() { printf '[ear-smoke %3ds] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

# ---------------------------------------------------------------- build what is missing
if [[ ! -f $EAR || ! -f $RAR || ! -f $BROKER_JAR ]]; then
  log "EAR, RAR or broker jar missing: mvn -B -q -DskipTests install"
  mvn -B -q -DskipTests install
fi
for f in "$EAR" "$RAR" "$BROKER_JAR"; do
  [[ -f $f ]] || { echo "ear-smoke: $f not found after the build" >&2; exit 1; }
done

# The asadmin client JVMs (one per command) start faster with C1 only and the serial collector.
export AS_EXTRA_JAVA_OPTS=${AS_EXTRA_JAVA_OPTS:-"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}

WORK=$(mktemp -d /tmp/centralis-ear-smoke.XXXXXX)
ASADMIN=$WORK/payara6/bin/asadmin
DOMAIN_DIR=$WORK/domains
SERVER_LOG=$DOMAIN_DIR/$DOMAIN/logs/server.log
BROKER_LOG=$WORK/broker.log
BROKER_PID=
DOMAIN_STARTED=
FAILED=1

asadmin() { "$ASADMIN" --interactive=false --user "$ADMIN_USER" --port "$ADMIN_PORT" "$@"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if (( rc != 0 || FAILED )); then
    echo "---------------- server.log (tail) ----------------" >&2
    [[ -f $SERVER_LOG ]] && tail -n 80 "$SERVER_LOG" >&2
    echo "---------------- broker.log (tail) ----------------" >&2
    [[ -f $BROKER_LOG ]] && tail -n 20 "$BROKER_LOG" >&2
    echo "ear-smoke: FAILED (work dir $WORK)" >&2
  fi
  # Payara first, the broker last: with the broker gone Payara's shutdown can block for a minute.
  if [[ -n $DOMAIN_STARTED ]]; then
    log "stopping the domain"
    timeout 90 "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >/dev/null 2>&1
    local pidfile=$DOMAIN_DIR/$DOMAIN/config/pid
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      log "domain still running: killing pid $(cat "$pidfile")"
      kill -9 "$(cat "$pidfile")" 2>/dev/null
    fi
  fi
  if [[ -n $BROKER_PID ]] && kill -0 "$BROKER_PID" 2>/dev/null; then
    log "stopping the broker"
    kill -TERM "$BROKER_PID"
    for _ in $(seq 1 50); do kill -0 "$BROKER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$BROKER_PID" 2>/dev/null && kill -9 "$BROKER_PID" 2>/dev/null
  fi
  if [[ -z ${SMOKE_KEEP:-} ]] && (( rc == 0 && ! FAILED )); then
    rm -rf "$WORK"
  else
    log "work dir kept: $WORK"
  fi
  exit $(( rc != 0 ? rc : FAILED ))
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "ear-smoke: $*" >&2; exit 1; }

# Any socket on the port counts, not only listeners: asadmin's port check binds, which an outgoing
# connection's local port (or one in TIME_WAIT) also blocks.
port_free() { ! ss -Htan "sport = :$1" | grep -q .; }

# A --portbase whose ports are all free (Payara uses base + these offsets).
pick_portbase() {
  local base off ok
  for _ in $(seq 1 50); do
    base=$(( (RANDOM % 210 + 100) * 100 )) # 10000 … 30900: below the kernel's ephemeral ports (32768+)
    ok=1
    for off in 9 37 38 39 48 49 59 66 76 80 81 86; do
      port_free $(( base + off )) || { ok=; break; }
    done
    [[ -n $ok ]] && { echo "$base"; return; }
  done
  fail "no free port range found"
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( RANDOM % 10000 + 50000 ))
    port_free "$p" && { echo "$p"; return; }
  done
  fail "no free port found"
}

# ---------------------------------------------------------------- Payara Server distribution
log "fetching Payara Server $PAYARA_SERVER_VERSION through Maven"
# Run outside the project (no pom): dependency:copy needs none and must not run per module.
(cd "$WORK" && MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1" mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  -Dartifact="fish.payara.distributions:payara:$PAYARA_SERVER_VERSION:zip" \
  -DoutputDirectory="$WORK/dist" -Dmdep.overWriteReleases=true >"$WORK/mvn.log" 2>&1) \
  || { cat "$WORK/mvn.log" >&2; fail "could not fetch the Payara Server zip"; }
unzip -q "$WORK/dist/payara-$PAYARA_SERVER_VERSION.zip" -d "$WORK"
rm -rf "$WORK/dist"
[[ -x $ASADMIN ]] || fail "asadmin not found in the Payara Server zip"

# ---------------------------------------------------------------- broker (starts while the domain is created)
BROKER_PORT=$(free_port)
mkdir -p "$WORK/broker" "$WORK/db"
java -Xmx256m -jar "$BROKER_JAR" --data-dir "$WORK/broker" --host 127.0.0.1 --port "$BROKER_PORT" \
  >"$BROKER_LOG" 2>&1 &
BROKER_PID=$!

# ---------------------------------------------------------------- domain
t=$(date +%s)
# A port can be taken between the check and create-domain's own check: try another range.
for attempt in 1 2 3; do
  PORTBASE=$(pick_portbase)
  "$ASADMIN" --interactive=false create-domain --domaindir "$DOMAIN_DIR" --portbase "$PORTBASE" \
    --nopassword --checkports=true "$DOMAIN" >"$WORK/create-domain.log" 2>&1 && break
  grep -q "is in use" "$WORK/create-domain.log" && (( attempt < 3 )) || { cat "$WORK/create-domain.log" >&2; fail "create-domain failed"; }
  log "port range $PORTBASE taken meanwhile; trying another"
done
ADMIN_PORT=$(( PORTBASE + 48 ))
HTTP_PORT=$(( PORTBASE + 80 ))
BASE_URL=http://127.0.0.1:$HTTP_PORT
T_CREATE=$(( $(date +%s) - t ))
log "domain $DOMAIN created in ${T_CREATE}s (admin port $ADMIN_PORT, http port $HTTP_PORT)"

# H2: Payara Server ships it in h2db/bin/h2.jar on the server class path (its own timer pool uses
# it), and the JDBC resource is served from there: that jar is replaced by the project's version.
# If a distribution ever lacks it, the project's goes into the domain's lib directory.
M2_H2=${MAVEN_REPO:-$HOME/.m2/repository}/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar
[[ -f $M2_H2 ]] || (cd "$WORK" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
  -Dartifact="com.h2database:h2:$H2_VERSION" >/dev/null)
PAYARA_H2=$WORK/payara6/h2db/bin/h2.jar
if [[ -f $PAYARA_H2 ]]; then
  h2v=$(unzip -p "$PAYARA_H2" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: //p')
  cp "$M2_H2" "$PAYARA_H2"
  log "H2 bundled with Payara Server: $h2v, replaced by $H2_VERSION"
else
  cp "$M2_H2" "$DOMAIN_DIR/$DOMAIN/lib/"
  log "H2 not bundled: copied h2-$H2_VERSION.jar into the domain lib"
fi

# JVM options: written into the new domain's server-config before its first start, which saves a
# restart (on a live server: asadmin create-jvm-options …, then restart-domain; docs/operations.md).
# -XX:TieredStopAtLevel=1 (C1 only) is for this short-lived smoke JVM: less compilation CPU at start.
DOMAIN_XML=$DOMAIN_DIR/$DOMAIN/config/domain.xml
sed -i '/<config name="server-config">/,/<\/config>/ s#<jvm-options>-Xmx512m</jvm-options>#<jvm-options>-Xmx1g</jvm-options>\n        <jvm-options>-Duser.timezone=UTC</jvm-options>\n        <jvm-options>-Dfile.encoding=UTF-8</jvm-options>\n        <jvm-options>-XX:TieredStopAtLevel=1</jvm-options>#' "$DOMAIN_XML"
[[ $(sed -n '/<config name="server-config">/,/<\/config>/p' "$DOMAIN_XML" | grep -c -e '-Duser.timezone=UTC' -e '-Xmx1g') == 2 ]] \
  || fail "could not set the JVM options in $DOMAIN_XML"

for _ in $(seq 1 120); do
  grep -q "broker ready" "$BROKER_LOG" 2>/dev/null && break
  kill -0 "$BROKER_PID" 2>/dev/null || fail "the broker did not start"
  sleep 0.5
done
grep -q "broker ready" "$BROKER_LOG" || fail "the broker was not ready after 60 s"
log "broker ready on 127.0.0.1:$BROKER_PORT"

# ---------------------------------------------------------------- start and configure the domain
t=$(date +%s)
"$ASADMIN" --interactive=false start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >"$WORK/start-domain.log" 2>&1 \
  || { cat "$WORK/start-domain.log" >&2; DOMAIN_STARTED=1; fail "start-domain failed"; }
DOMAIN_STARTED=1
T_START=$(( $(date +%s) - t ))
log "start-domain: ${T_START}s"

grep -q -e '-Duser.timezone=UTC' "$SERVER_LOG" || fail "the server JVM does not run with -Duser.timezone=UTC"

# Server-level configuration the resource annotations resolve at deployment (${MPCONFIG=…}):
# system properties, applied to the running server at once (the ops guide's CENTRALIS_* variables).
# asadmin separates properties with ':'; colons and '=' inside values are escaped with a backslash,
# doubled here because multimode reads its file like a shell line and drops one level of escapes.
esc() { sed -e 's/[:=]/\\\\&/g' <<<"$1"; }
DB_URL=${CENTRALIS_DB_URL:-"jdbc:h2:file:$WORK/db/centralis;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"}
props=(
  "centralis.db.datasource-class=$(esc "${CENTRALIS_DB_DATASOURCE_CLASS:-org.h2.jdbcx.JdbcDataSource}")"
  "centralis.db.url=$(esc "$DB_URL")"
  "centralis.db.user=$(esc "${CENTRALIS_DB_USER:-centralis}")"
  "centralis.db.password=$(esc "${CENTRALIS_DB_PASSWORD:-centralis}")"
  "centralis.broker.host=127.0.0.1"
  "centralis.broker.port=$BROKER_PORT"
  "centralis.demo.enabled=$DEMO"
  "centralis.service-center.zone=Asia/Shanghai"
)
# One asadmin JVM for all configuration commands. MicroProfile Health is enabled by default on
# Payara Server 6 (endpoint /health on the HTTP listener, registered once an application is deployed):
# the get- command only documents it in the log and is checked below.
cat >"$WORK/configure.asadmin" <<CMDS
create-system-properties $(IFS=:; echo "${props[*]}")
get-microprofile-healthcheck-configuration
CMDS
t=$(date +%s)
# multimode exits 0 even when one of its commands fails: look for failures in its output as well.
if ! asadmin multimode --file "$WORK/configure.asadmin" >"$WORK/configure.log" 2>&1 \
    || grep -qiE "failed|remote failure" "$WORK/configure.log"; then
  cat "$WORK/configure.log" >&2; fail "configuring the domain failed"
fi
grep -qF -- "name=\"centralis.db.url\" value=\"$DB_URL\"" "$DOMAIN_XML" || fail "centralis.db.url not set as expected"
if ! grep -qE '^true +health ' "$WORK/configure.log"; then
  log "MicroProfile Health not enabled on /health: enabling it (needs a restart)"
  asadmin set-microprofile-healthcheck-configuration --enabled=true --endpoint=health >>"$WORK/configure.log" 2>&1
  asadmin restart-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" >>"$WORK/configure.log" 2>&1 || fail "restart-domain failed"
fi
T_CONFIGURE=$(( $(date +%s) - t ))
log "configured (CENTRALIS_* as system properties): ${T_CONFIGURE}s"

# ---------------------------------------------------------------- deploy: RAR first, then the EAR
# --deploymentorder 10 (default 100): the server also loads the RAR first when it restarts.
t=$(date +%s)
asadmin deploy --name "$RA_NAME" --deploymentorder 10 "$RAR" >"$WORK/deploy-rar.log" 2>&1 \
  || { cat "$WORK/deploy-rar.log" >&2; fail "deploying the RAR failed"; }
T_RAR=$(( $(date +%s) - t ))
log "deploy $RA_NAME: ${T_RAR}s"

t=$(date +%s)
timeout "$DEPLOY_TIMEOUT" "$ASADMIN" --interactive=false --user "$ADMIN_USER" --port "$ADMIN_PORT" \
  deploy --name "$APP_NAME" "$EAR" >"$WORK/deploy-ear.log" 2>&1 \
  || { cat "$WORK/deploy-ear.log" >&2; fail "deploying the EAR failed"; }
T_EAR=$(( $(date +%s) - t ))
log "deploy $APP_NAME (EAR): ${T_EAR}s"

# ---------------------------------------------------------------- HTTP checks
CHECKS_FAILED=0
# GET: sets CODE, CTYPE and leaves the body in $WORK/body; extra curl arguments after the path.
http_get() {
  local path=$1 out; shift
  out=$(curl -sS -o "$WORK/body" -w '%{http_code} %{content_type}' --max-time 60 "$@" "$BASE_URL$path" 2>/dev/null) || true
  read -r CODE CTYPE <<<"${out:-000 -}"
}
check() { # description, then the condition as a command
  local what=$1; shift
  if "$@"; then log "OK   $what"; else log "FAIL $what: HTTP $CODE ${CTYPE:-} $(head -c 400 "$WORK/body" 2>/dev/null)"; CHECKS_FAILED=1; fi
}
body_has() { local p; for p in "$@"; do grep -q -- "$p" "$WORK/body" || return 1; done; }

login_page() { http_get /login.xhtml; [[ $CODE == 200 ]] && body_has "<form"; }
check "GET /login.xhtml -> 200 with the sign-in form" login_page

api_anonymous() { http_get /api/tickets; [[ $CODE == 401 && $CTYPE == application/problem+json* ]] && body_has '"status":401'; }
check "GET /api/tickets without credentials -> 401 problem+json" api_anonymous

# Payara's own readiness is UP without the application: require the application's checks too.
app_ready() {
  local _
  for _ in $(seq 1 30); do
    http_get /health/ready
    [[ $CODE == 200 ]] && body_has '"status":"UP"' '"name":"database"' '"name":"broker"' && return 0
    sleep 1
  done
  return 1
}
check "GET /health/ready -> UP with the database and broker checks" app_ready

api_basic() { http_get /api/tickets -u "$API_USER:$API_PASSWORD"; [[ $CODE == 200 && $CTYPE == application/json* ]]; }
if [[ $DEMO == true ]]; then
  check "GET /api/tickets as $API_USER (Basic, demo data) -> 200 JSON" api_basic
fi

metrics() { http_get /metrics; [[ $CODE == 200 ]]; }
check "GET /metrics -> 200" metrics

# The application logs the database that serves its connections once, at start-up (SchemaMigration).
h2_served() { CODE=log CTYPE=; grep -a -o "H2 [0-9.]* ([0-9-]*) through[^]]*" "$SERVER_LOG" >"$WORK/body"; grep -q "^H2 $H2_VERSION " "$WORK/body"; }
if [[ -z ${CENTRALIS_DB_URL:-} ]]; then
  check "server.log: the connections are served by H2 $H2_VERSION" h2_served
fi

echo
echo "  Payara Server $PAYARA_SERVER_VERSION, EAR $(basename "$EAR")"
printf '  create-domain %4ss\n  start-domain  %4ss\n  configure     %4ss\n  deploy RAR    %4ss\n  deploy EAR    %4ss\n  total         %4ss\n' \
  "$T_CREATE" "$T_START" "$T_CONFIGURE" "$T_RAR" "$T_EAR" "$(( $(date +%s) - T0 ))"
echo

(( CHECKS_FAILED == 0 )) || fail "HTTP checks failed"
FAILED=0
log "EAR smoke test passed"
