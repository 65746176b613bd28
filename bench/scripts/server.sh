# Sourced by the intake scripts: start_server DATA-DIR LOG starts run.sh on a fresh data directory (ports 18480/18481),
# stops it when the script exits, and returns once the database answers /health/ready.
start_server() {
  rm -rf "$1"
  PORT=18480 BROKER_PORT=18481 CENTRALIS_DATA=$1 setsid ./run.sh > "$2" 2>&1 &
  server=$!
  # shellcheck disable=SC2064 # the pid is meant to be fixed now
  trap "kill -- -$server 2>/dev/null || true; while ss -ltn | grep -q ':1848[01] '; do sleep 1; done" EXIT
  for _ in $(seq 1 180); do
    curl -sf http://localhost:18480/health/ready 2>/dev/null | grep -q database && break
    sleep 2
  done
  sleep 5
}

# The 44 demo users the intake runs log in as, round-robin.
INTAKE_USERS=$(echo staff{1..14} agent{1..30} | tr ' ' ',')
