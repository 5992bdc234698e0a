#!/bin/sh
# Benchmark: JVM start to the first HTTP 200 of /api/v1/node, and the node's RSS after it settled.
# Usage: bench/startup.sh [runs]   (default 5; needs run/target/punnet: mvn -q install -DskipTests)
# Starts nodes on 127.0.0.1 only, one at a time, and stops each by its PID.
set -eu
RUNS=${1:-5}
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
DIST="$ROOT/run/target/punnet"
[ -x "$DIST/bin/punnet" ] || { echo "no distribution: run 'mvn -q install -DskipTests' first" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PORT=$((20000 + $$ % 20000))
i=1
echo "run  first-200-ms  rss-after-start-MiB  rss-after-15s-MiB"
while [ "$i" -le "$RUNS" ]; do
  mkdir -p "$WORK/$i/conf"; cp "$DIST"/conf/*.properties "$DIST"/conf/jvm.options "$WORK/$i/conf/"
  start=$(date +%s%N)
  PUNNET_CONF_DIR="$WORK/$i/conf" PUNNET_DATA_DIR="$WORK/$i/data" PUNNET_NODE_NAME="bench-$i" \
  PUNNET_DISCOVERY_INTERFACES=none PUNNET_BIND_ADDRESS=127.0.0.1 PUNNET_HTTP_HOST=127.0.0.1 PUNNET_HTTP_PORT=$PORT PUNNET_GOSSIP_PORT=$((PORT + 1)) \
    "$DIST/bin/punnet" </dev/null >"$WORK/$i/log" 2>&1 &
  pid=$!
  n=0
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/v1/node"; do
    n=$((n + 1)); [ "$n" -lt 600 ] || { echo "no 200 after 30 s" >&2; kill -9 "$pid"; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss1=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status")
  sleep 15
  rss2=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status")
  echo "$i    $ms          $rss1                $rss2"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  i=$((i + 1))
done
echo "command: bench/startup.sh $RUNS   ($(nproc) cores, $(java -version 2>&1 | head -1))"
