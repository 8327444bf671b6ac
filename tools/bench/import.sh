#!/usr/bin/env bash
# Import benchmark: the bundled data, naive baseline vs ChainScout's writer, in the same run, each into
# a fresh embedded database; then the synthetic data set (default 1M enterprises) with ChainScout's
# writer. Prints wall time, import time, throughput and peak memory of each run.
# Usage: tools/bench/import.sh [ENTERPRISES]    (expects target/chainscout.jar: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="$PWD/target/chainscout.jar"
n="${1:-1000000}"
work="$(mktemp -d /tmp/chainscout-bench.XXXXXX)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"

run() { # name, args...
  local name="$1"; shift
  local dir="$work/$name"; mkdir -p "$dir"
  ( cd "$dir" && /usr/bin/time -v java -Xmx8g -jar "$jar" import "$@" > import.log 2> time.log )
  local secs nodes rels rss
  secs=$(grep -oE '导入完成，用时 [0-9.]+' "$dir/import.log" | grep -oE '[0-9.]+$' | head -1)
  nodes=$(grep -oE '"nodeRowsWritten" : [0-9]+' "$dir/var/reports/"*-import-report.json | grep -oE '[0-9]+$')
  rels=$(grep -oE '"relationshipRowsWritten" : [0-9]+' "$dir/var/reports/"*-import-report.json | grep -oE '[0-9]+$')
  rss=$(grep -oE 'Maximum resident set size \(kbytes\): [0-9]+' "$dir/time.log" | grep -oE '[0-9]+$')
  wall=$(grep -oE 'Elapsed \(wall clock\) time.*: .*' "$dir/time.log" | sed 's/.*: //')
  printf '%-22s import %7.1f s  wall %8s  node rows %9d (%6.0f/s)  relationship rows %9d (%6.0f/s)  peak RSS %5.0f MiB\n' \
    "$name" "$secs" "$wall" "$nodes" "$(echo "$nodes / $secs" | bc -l)" "$rels" "$(echo "$rels / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  grep -E 'rows/s' "$dir/import.log" | sed 's/.*ChainKgImporter *: /    /' | cut -c1-140
}

run bundled-naive --data classpath:data/chainkg --naive
run bundled --data classpath:data/chainkg
if [ "$n" != "0" ]; then
  java -jar "$jar" generate --enterprises "$n" --out "$work/synth" | tail -1
  run "synthetic-$n" --data "$work/synth"
fi
echo "work dir: $work (delete when done)"
