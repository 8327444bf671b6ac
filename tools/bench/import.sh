#!/usr/bin/env bash
# Import benchmark: the bundled data, naive baseline vs ChainScout's writer, in the same run, each into
# a fresh embedded database; then the synthetic data set (default 1M enterprises) with ChainScout's
# writer. Prints wall time, import time, throughput and peak memory of each run.
# Usage: [NAIVE_SYNTHETIC=1] [JAVA_OPTS=...] tools/bench/import.sh [ENTERPRISES]   (expects target/chainscout.jar: mvn -DskipTests package)
# NAIVE_SYNTHETIC=1 also imports the synthetic set the naive way, for the ratio at scale.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="$PWD/target/chainscout.jar"
n="${1:-1000000}"
work="$(mktemp -d /tmp/chainscout-bench.XXXXXX)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"

run() { # name, args...
  local name="$1"; shift
  local dir="$work/$name"; mkdir -p "$dir"
  ( cd "$dir" && /usr/bin/time -v java -Xmx8g ${JAVA_OPTS:-} -jar "$jar" import "$@" > import.log 2> time.log )
  local secs rss wall
  secs=$(grep -oE '导入完成，用时 [0-9.]+' "$dir/import.log" | grep -oE '[0-9.]+$' | head -1)
  rss=$(grep -oE 'Maximum resident set size \(kbytes\): [0-9]+' "$dir/time.log" | grep -oE '[0-9]+$')
  wall=$(grep -oE 'Elapsed \(wall clock\) time.*: .*' "$dir/time.log" | sed 's/.*: //')
  # Node steps create nodes, relationship steps relationships: rates over the time of each kind of step.
  grep -E 'rows/s' "$dir/import.log" | sed -E 's/.*: ([0-9]+) rows in ([0-9.]+) s .* ([0-9]+) nodes and ([0-9]+) relationships created.*/\1 \2 \3 \4/' \
    | awk -v name="$name" -v secs="$secs" -v wall="$wall" -v rss="$rss" '
        $3 > 0 { nr += $1; ns += $2 } $4 > 0 { rr += $1; rs += $2 }
        END { printf "%-20s import %6.1f s (wall %s, peak RSS %d MiB): %d node rows in %.1f s = %.0f/s, %d relationship rows in %.1f s = %.0f/s\n",
              name, secs, wall, rss / 1024, nr, ns, nr / ns, rr, rs, rr / rs }'
  grep -E 'rows/s' "$dir/import.log" | sed 's/.*ChainKgImporter *: /    /' | cut -c1-140
}

run bundled-naive --data classpath:data/chainkg --naive
run bundled --data classpath:data/chainkg
if [ "$n" != "0" ]; then
  java -jar "$jar" generate --enterprises "$n" --out "$work/synth" | tail -1
  if [ "${NAIVE_SYNTHETIC:-0}" = "1" ]; then run "synthetic-$n-naive" --data "$work/synth" --naive; fi
  run "synthetic-$n" --data "$work/synth"
fi
echo "work dir: $work (delete when done)"
