#!/bin/sh
# The cluster lab's benchmarks: real nodes (run/target/punnet) in network namespaces, as root.
#   bench/lab-bench.sh figures 10       start-up, idle bytes/CPU/RSS, pause, kill -9, late join, partition
#   bench/lab-bench.sh figures 20
#   bench/lab-bench.sh loss 10 20 300   20 % loss on every link for 5 minutes: false verdicts
# Needs: the distribution (mvn -q install -DskipTests), iproute2 and nftables (apt-get install -y nftables iproute2).
# Everything it creates (namespaces pn-l<pid>-*, node processes, /tmp/punnet-lab-bench-<pid>) goes at exit.
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o -pl lab dependency:build-classpath -Dmdep.outputFile=target/lab-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q -pl lab dependency:build-classpath -Dmdep.outputFile=target/lab-classpath.txt >/dev/null
[ -d lab/target/classes ] || mvn -B -q -o -pl lab install -DskipTests
CP="$ROOT/lab/target/classes:$(cat lab/target/lab-classpath.txt)"
exec java -Xmx256m -Dpunnet.dist="$ROOT/run/target/punnet" -cp "$CP" io.punnet.lab.bench.LabBenchmark "$@"
