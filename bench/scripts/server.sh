# Sourced by the intake scripts: start_server DATA-DIR LOG starts run.sh on a fresh data directory (ports 18480/18481),
# stops it when the script exits, and returns once the database answers /health/ready.
start_server() {
  rm -rf "$1"
  # Artemis blocks its producers once the disk is 90 % full (max-disk-usage), and a 600-s intake run leaves ~10 GB of
  # H2 store behind: a run that reaches that point measures intake without dispatch (run J's first attempt).
  local used
  used=$(df --output=pcent "$(dirname "$1")" | tail -1 | tr -dc 0-9)
  if ((used > 75)); then
    echo "the disk is $used % full: free space first (the broker blocks producers at 90 %)" >&2
    exit 1
  fi
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

# What the intake scripts measure around their window: the pids listening on the server's and the broker's ports
# ($pid, $broker), a process's CPU time in ticks of 10 ms (utime + stime), and with AP=/path/to/libasyncProfiler.so
# (async-profiler 3.0, Maven Central tools.profiler:async-profiler:3.0:linux-x64) a CPU profile of the server between
# profile_start and profile_stop FILE (collapsed stacks). AP_EVENT=wall profiles wall-clock time per thread instead
# (where a thread waits, e.g. the intake writer's share of idle time; docs/performance.md, run M).
server_pids() {
  pid=$(ss -ltnp | grep ":18480 " | grep -o "pid=[0-9]*" | head -1 | cut -d= -f2)
  broker=$(ss -ltnp | grep ":18481 " | grep -o "pid=[0-9]*" | head -1 | cut -d= -f2)
}
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
young_gc() { jstat -gc "$1" | awk 'NR == 2 {print $13, $14}'; } # how many young collections, and their seconds
profile_start() {
  local event=itimer
  if [[ ${AP_EVENT:-} == wall ]]; then event=wall,threads; fi
  if [[ -n ${AP:-} ]]; then jcmd "$pid" JVMTI.agent_load "$AP" "\"start,event=$event,interval=5ms\"" > /dev/null; fi
}
profile_stop() {
  if [[ -n ${AP:-} ]]; then jcmd "$pid" JVMTI.agent_load "$AP" "\"stop,file=$1,collapsed\"" > /dev/null; fi
}
