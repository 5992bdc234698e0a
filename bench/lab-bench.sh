#!/bin/sh
# The cluster lab's benchmarks: real nodes (run/target/punnet) in network namespaces, as root.
#   bench/lab-bench.sh figures 10       start-up, idle bytes/CPU/RSS, pause, kill -9, late join, partition
#   bench/lab-bench.sh figures 20
#   bench/lab-bench.sh loss 10 20 300   20 % loss on every link for 5 minutes: false verdicts
# Needs: the distribution (mvn -q install -DskipTests), iproute2 and nftables (apt-get install -y nftables iproute2).
# Everything it creates goes at exit: namespaces pn-l<pid>-* and node processes (the lab JVM), and the
# nodes' conf, data and logs in /tmp/punnet-lab-bench-<pid of this script> (this script; set
# PUNNET_LAB_KEEP=1 to keep them for a look at the node logs).
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o -pl lab dependency:build-classpath -Dmdep.outputFile=target/lab-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q -pl lab dependency:build-classpath -Dmdep.outputFile=target/lab-classpath.txt >/dev/null
[ -d lab/target/classes ] || mvn -B -q -o -pl lab install -DskipTests
CP="$ROOT/lab/target/classes:$(cat lab/target/lab-classpath.txt)"
WORK="${TMPDIR:-/tmp}/punnet-lab-bench-$$"
cleanup() {
  if [ "${PUNNET_LAB_KEEP:-}" = 1 ]; then echo "node files kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
java -Xmx256m -Dpunnet.dist="$ROOT/run/target/punnet" -Dpunnet.lab.workDir="$WORK" -cp "$CP" \
  io.punnet.lab.bench.LabBenchmark "$@" &
pid=$!
# Ctrl-C or TERM: the lab JVM is told to stop (its shutdown hook kills the nodes and deletes the
# namespaces), then cleanup runs. (A background job ignores SIGINT, hence TERM for both.)
forward() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  exit "$1"
}
trap 'forward 130' INT
trap 'forward 143' TERM
status=0
wait "$pid" || status=$?
exit "$status"
