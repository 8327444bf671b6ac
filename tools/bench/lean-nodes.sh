#!/usr/bin/env bash
# The ceiling of the enterprise node step on this machine: ChainScout's enterprise CREATE through the
# driver and Bolt into ChainScout's embedded Neo4j, with the rows built beforehand and nothing else in the
# process (tools/bench/LeanNodeProbe.java). Compare its rounds with bench-import's enterprise step.
# Usage: [JAVA_OPTS="-XX:+UseParallelGC"] tools/bench/lean-nodes.sh [rounds=6] [nodes=300000]
#        (expects target/chainscout.jar: mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d /tmp/chainscout-lean.XXXXXX)"
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar target/chainscout.jar extract --destination "$work/app" >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java -Xmx8g ${JAVA_OPTS:-} \
  --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
  -cp "$work/app/*:$work/app/lib/*" tools/bench/LeanNodeProbe.java "${1:-6}" "${2:-300000}" 2>&1 | grep -E '^round'
