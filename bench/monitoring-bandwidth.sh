#!/bin/sh
# Benchmark: idle gossip bytes sent per node and second, with and without the monitoring bundle.
# Usage: bench/monitoring-bandwidth.sh [nodes] [seconds]   (defaults 3 and 60; needs run/target/punnet)
# Starts N bin/punnet processes on 127.0.0.1 (mDNS off, one cluster key, seeded with the first),
# lets them settle, reads punnet_gossip_bytes_sent_total from each node's /metrics over the window,
# then stops the monitoring bundle on every node through the Felix web console and measures again.
# Bytes are as counted by gossip: sealed datagrams and stream frames, without IP/UDP/TCP headers.
# Every process started here is stopped by its PID on exit.
set -eu
N=${1:-3}
SECS=${2:-60}
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
DIST="$ROOT/run/target/punnet"
[ -x "$DIST/bin/punnet" ] || { echo "no distribution: run 'mvn -q install -DskipTests' first" >&2; exit 1; }
WORK=$(mktemp -d)
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2>/dev/null || true; done; sleep 2; for p in $PIDS; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
BASE=$((21000 + $$ % 20000))
KEY=$(head -c 32 /dev/urandom | base64)
PASSWORD=bench-console-password
i=1
while [ "$i" -le "$N" ]; do
  mkdir -p "$WORK/$i/conf"; cp "$DIST"/conf/*.properties "$DIST"/conf/jvm.options "$WORK/$i/conf/"
  seeds=""; [ "$i" -gt 1 ] && seeds="127.0.0.1:$((BASE + 1))"
  PUNNET_CONF_DIR="$WORK/$i/conf" PUNNET_DATA_DIR="$WORK/$i/data" PUNNET_NODE_NAME="bw-$i" \
  PUNNET_DISCOVERY_INTERFACES=none PUNNET_BIND_ADDRESS=127.0.0.1 PUNNET_HTTP_HOST=127.0.0.1 \
  PUNNET_HTTP_PORT=$((BASE + 2 * i)) PUNNET_GOSSIP_PORT=$((BASE + 2 * i - 1)) PUNNET_SEEDS="$seeds" \
  PUNNET_CLUSTER_KEY="$KEY" PUNNET_CONSOLE_PASSWORD="$PASSWORD" \
    "$DIST/bin/punnet" </dev/null >"$WORK/$i/log" 2>&1 &
  PIDS="$PIDS $!"
  n=0
  until curl -sf -o /dev/null "http://127.0.0.1:$((BASE + 2 * i))/api/v1/node"; do
    n=$((n + 1)); [ "$n" -lt 600 ] || { echo "node $i gave no 200 in 30 s" >&2; exit 1; }
    sleep 0.05
  done
  i=$((i + 1))
done
sent() { # total gossip bytes sent by every node
  t=0; j=1
  while [ "$j" -le "$N" ]; do
    v=$(curl -sf "http://127.0.0.1:$((BASE + 2 * j))/metrics" | awk '/^punnet_gossip_bytes_sent_total/ {print $2}')
    t=$(awk -v a="$t" -v b="${v:-0}" 'BEGIN {printf "%.0f", a + b}'); j=$((j + 1))
  done
  echo "$t"
}
window() { # label: bytes per node and second over SECS
  a=$(sent); sleep "$SECS"; b=$(sent)
  awk -v a="$a" -v b="$b" -v n="$N" -v s="$SECS" -v l="$1" 'BEGIN {printf "%-22s %8.1f B/s per node\n", l, (b - a) / n / s}'
}
sleep 20 # settle: joins and first samples
window "with monitoring"
j=1
while [ "$j" -le "$N" ]; do
  id=$(curl -sf -u "admin:$PASSWORD" "http://127.0.0.1:$((BASE + 2 * j))/system/console/bundles.json" \
       | tr '{' '\n' | grep '"symbolicName":"io.punnet.monitoring"' | sed 's/.*"id":\([0-9]*\).*/\1/' | head -1)
  [ -n "$id" ] || { echo "no monitoring bundle found on node $j" >&2; exit 1; }
  curl -sf -u "admin:$PASSWORD" -X POST -d action=stop "http://127.0.0.1:$((BASE + 2 * j))/system/console/bundles/$id" >/dev/null
  j=$((j + 1))
done
sleep 5
window "without monitoring"
echo "command: bench/monitoring-bandwidth.sh $N $SECS   ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
