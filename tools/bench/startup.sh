#!/usr/bin/env bash
# Cold start to ready: launches the jar in a fresh directory (first start: migrations + bundled import)
# and again on the same data (later starts), and measures the time until /actuator/health answers UP
# and the embedded import is complete, and (since session 9) /api/v1/stats no longer says the service is
# starting (every start-up task, index builds included, has finished; the pages' 链探正在启动 banner is
# gone), plus the process's resident memory when ready.
# Usage: [STARTUP_ARGS="--name=value ..."] tools/bench/startup.sh    (expects target/chainscout.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="$PWD/target/chainscout.jar"
dir="$(mktemp -d /tmp/chainscout-start.XXXXXX)"
port=18181
measure() {
  local label="$1"
  local start; start=$(date +%s.%N)
  ( cd "$dir" && exec java -jar "$jar" --server.port=$port ${STARTUP_ARGS:-} > "start-$label.log" 2>&1 ) &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' \
        && curl -fs "http://127.0.0.1:$port/api/v1/stats" 2>/dev/null | grep '"status":"COMPLETE"' | grep -q '"starting":false'; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { echo "$label: the service exited"; tail -20 "$dir/start-$label.log"; exit 1; }
  done
  local end; end=$(date +%s.%N)
  local jpid; jpid=$(pgrep -f "chainscout.jar --server.port=$port" | head -1)
  local rss; rss=$(awk '/VmRSS/{print $2}' /proc/$jpid/status)
  printf '%-28s ready in %5.1f s, RSS %5.0f MiB\n' "$label" "$(echo "$end - $start" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  local t0; t0=$(date +%s.%N)
  kill $jpid; wait $pid 2>/dev/null || true
  printf '%-28s stopped in %5.1f s\n' "$label" "$(echo "$(date +%s.%N) - $t0" | bc -l)"
}
measure "first start (with import)"
measure "later start"
rm -rf "$dir"
