#!/bin/sh
# Benchmark: load on the REST API of one real node that sees a cluster of N members on loopback.
# Usage: bench/rest-load.sh [nodes] [seconds]   (defaults 10 and 20; needs run/target/punnet:
#        mvn -q install -DskipTests, and wrk: apt-get install -y wrk)
# Starts N bin/punnet processes on 127.0.0.1 (mDNS off, the others seeded with the first, one
# cluster key), waits until the first sees all N alive, then runs
#   wrk -t2 -c32 -d<seconds>s --latency
# against /nodes/alive, /nodes/monitoring and /api/v1/nodes of the first node, one route after
# the other, and prints requests/s, latency percentiles, errors, and the first node's heap after a
# full GC following each run (a steady live heap means no leak under load). The nodes run with the
# distribution's own conf/jvm.options (Serial GC, C1 only, -Xmx96m: the Raspberry Pi settings).
# Every process started here is stopped by its PID on exit.
set -eu
NODES=${1:-10}
SECONDS_PER_ROUTE=${2:-20}
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
DIST="$ROOT/run/target/punnet"
[ -x "$DIST/bin/punnet" ] || { echo "no distribution: run 'mvn -q install -DskipTests' first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "no wrk: apt-get install -y wrk" >&2; exit 1; }
KEY="YmVuY2gta2V5LWJlbmNoLWtleS1iZW5jaC1rZXktMTI="   # 32 bytes, for this benchmark only
WORK=$(mktemp -d)
PIDS=""
cleanup() {
  for pid in $PIDS; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $PIDS; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# two free loopback ports per node, found by binding port 0
free_ports() {
  python3 -c 'import socket,sys
socks=[socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1",0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}

start_node() { # name http gossip seeds
  mkdir -p "$WORK/$1/conf"; cp "$DIST"/conf/*.properties "$DIST"/conf/jvm.options "$WORK/$1/conf/"
  PUNNET_CONF_DIR="$WORK/$1/conf" PUNNET_DATA_DIR="$WORK/$1/data" PUNNET_NODE_NAME="$1" \
  PUNNET_DISCOVERY_INTERFACES=none PUNNET_BIND_ADDRESS=127.0.0.1 PUNNET_HTTP_HOST=127.0.0.1 \
  PUNNET_HTTP_PORT="$2" PUNNET_GOSSIP_PORT="$3" PUNNET_SEEDS="$4" PUNNET_CLUSTER_KEY="$KEY" \
  PUNNET_CLUSTER_NAME=bench PUNNET_API_TOKEN=bench-token-0123456789 \
    "$DIST/bin/punnet" </dev/null >"$WORK/$1/log" 2>&1 &
  PIDS="$PIDS $!"
  LAST_PID=$!
}

set -- $(free_ports $((NODES * 2)))
HTTP=$1; GOSSIP=$2
start_node load-1 "$HTTP" "$GOSSIP" ""
FIRST_PID=$LAST_PID
shift 2
i=2
while [ "$i" -le "$NODES" ]; do
  start_node "load-$i" "$1" "$2" "127.0.0.1:$GOSSIP"
  shift 2; i=$((i + 1))
done

URL="http://127.0.0.1:$HTTP"
n=0
until [ "$(curl -sf "$URL/nodes/alive" 2>/dev/null | grep -o '127.0.0.1:[0-9]*' | wc -l)" -ge "$NODES" ]; do
  n=$((n + 1)); [ "$n" -lt 1200 ] || { echo "the cluster did not reach $NODES alive members in 120 s:" >&2; curl -s "$URL/nodes/alive" >&2; exit 1; }
  sleep 0.1
done
echo "cluster: $(curl -s "$URL/nodes/alive" | grep -o '127.0.0.1:[0-9]*' | wc -l) alive members seen by load-1 after $((n / 10)) s"
sleep 5   # let every node publish its first monitoring sample

heap_after_gc() {
  jcmd "$FIRST_PID" GC.run >/dev/null 2>&1 || true
  jcmd "$FIRST_PID" GC.heap_info 2>/dev/null | awk '/generation/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); s+=v}} END {printf "%.1f", s/1024}'
}

echo "heap of load-1 after a full GC before the runs: $(heap_after_gc) MiB"
printf '%-18s %10s %8s %8s %8s %8s %8s %8s  %s\n' route "req/s" p50 p90 p99 max errors loadavg heap-after-GC-MiB
# the last route is the floor: the web bundle's trivial JSON 404, i.e. Jetty and the whiteboard
# alone on this machine at this moment; a hot route close to it costs nothing more of its own
for route in /nodes/alive /nodes/monitoring /api/v1/nodes /no-such-route; do
  wrk -t2 -c32 -d3s "$URL$route" >/dev/null 2>&1   # warm-up (C1 compiles the hot path)
  out=$(wrk -t2 -c32 -d"${SECONDS_PER_ROUTE}s" --latency "$URL$route")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p90=$(echo "$out" | awk '$1=="90%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  max=$(echo "$out" | awk '/Latency/ && !/Distribution/ {print $4; exit}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ "$route" != /no-such-route ] || non2xx=0   # 404 is its expected answer
  sockerr=$(echo "$out" | awk '/Socket errors/ {gsub(",","",$0); print $4+$6+$8+$10}')
  printf '%-18s %10s %8s %8s %8s %8s %8s %8s  %s\n' "$route" "$rps" "$p50" "$p90" "$p99" "$max" \
    "$(( ${non2xx:-0} + ${sockerr:-0} ))" "$(cut -d' ' -f1 /proc/loadavg)" "$(heap_after_gc)"
done
echo "response sizes: alive $(curl -s "$URL/nodes/alive" | wc -c) B, monitoring $(curl -s "$URL/nodes/monitoring" | wc -c) B, v1 nodes $(curl -s "$URL/api/v1/nodes" | wc -c) B"
echo "command: bench/rest-load.sh $NODES $SECONDS_PER_ROUTE  (wrk -t2 -c32 -d${SECONDS_PER_ROUTE}s --latency; $(nproc) cores shared by wrk and $NODES nodes, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1))"
