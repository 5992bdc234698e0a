#!/bin/sh
# Rollout figures on real nodes in the cluster lab (network namespaces), as root:
#   bench/lab-rollout.sh 10 5     10 nodes; 5 rollouts of a small bundle and 5 of the monitoring bundle
#   bench/lab-rollout.sh 5 5      the same at 5 nodes
# Prints, per kind, the time from POST /api/v1/bundles on node 1 to node 1 reporting every node ACTIVE
# (median, min, max, each value), and the longest heartbeat gap node 1 saw during each rollout, during
# the series, and in a 30 s baseline without rollouts. Takes 2-4 minutes at N=10.
# Needs: the distribution (mvn -q install -DskipTests), iproute2 and nftables (apt-get install -y nftables iproute2).
# The namespaces (pn-l<pid>-*) and node processes go at exit; the nodes' logs stay in /tmp/punnet-lab-rollout-<pid>.
set -eu
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o -pl lab dependency:build-classpath -Dmdep.outputFile=target/lab-classpath.txt >/dev/null 2>&1 \
  || mvn -B -q -pl lab dependency:build-classpath -Dmdep.outputFile=target/lab-classpath.txt >/dev/null
[ -f lab/target/classes/io/punnet/lab/bench/RolloutBenchmark.class ] || mvn -B -q -o -pl lab install -DskipTests
CP="$ROOT/lab/target/classes:$(cat lab/target/lab-classpath.txt)"
exec java -Xmx256m -Dpunnet.dist="$ROOT/run/target/punnet" -cp "$CP" io.punnet.lab.bench.RolloutBenchmark "$@"
