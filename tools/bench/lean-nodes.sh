#!/usr/bin/env bash
# The ceiling of the enterprise node step on this machine: ChainScout's enterprise CREATE through the
# driver and Bolt into ChainScout's embedded Neo4j, with the rows built beforehand and nothing else in the
# process (tools/bench/LeanNodeProbe.java). Compare its rounds with bench-import's enterprise step.
# Usage: [JAVA_OPTS="-XX:+UseParallelGC"] [JAVA=/path/to/bin/java] [AOT=1] \
#          tools/bench/lean-nodes.sh [rounds=6] [nodes=300000] [unwind|csv]
#   JAVA: another JVM to run it on (the probe is compiled for Java 17 either way).
#   AOT=1 (Java 25 and later): a training run of the same arguments first writes an AOT cache (loaded
#         and linked classes, method profiles), then the measured run starts from it. Only the
#         measured run is printed.
#   csv:  each batch goes to a CSV file that the server reads with LOAD CSV (see the probe).
#   (expects target/chainscout.jar: mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA:-java}"
work="$(mktemp -d /tmp/chainscout-lean.XXXXXX)"
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar target/chainscout.jar extract --destination "$work/app" >/dev/null
mkdir "$work/classes"
javac --release 17 -nowarn -d "$work/classes" -cp "$work/app/*:$work/app/lib/*" tools/bench/LeanNodeProbe.java
jar cf "$work/probe.jar" -C "$work/classes" .
cp="$work/probe.jar:$(ls "$work"/app/*.jar "$work"/app/lib/*.jar | paste -sd:)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$java" -version 2>&1 | head -1)${AOT:+, AOT cache}"
opens=(--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED)
args=("${1:-6}" "${2:-300000}" "${3:-unwind}")
aot=()
if [[ -n "${AOT:-}" ]]; then
  "$java" -Xmx8g ${JAVA_OPTS:-} "${opens[@]}" -XX:AOTCacheOutput="$work/lean.aot" -Xlog:aot=off \
    -cp "$cp" LeanNodeProbe "${args[@]}" >/dev/null 2>&1
  aot=(-XX:AOTCache="$work/lean.aot" -Xlog:aot=off)
fi
"$java" -Xmx8g ${JAVA_OPTS:-} "${opens[@]}" "${aot[@]}" -cp "$cp" LeanNodeProbe "${args[@]}" 2>&1 | grep -E '^round'
