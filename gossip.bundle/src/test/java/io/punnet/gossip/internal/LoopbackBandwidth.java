package io.punnet.gossip.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.GossipSettings;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.ClusterKey;
import io.punnet.gossip.core.wire.Envelope;
import io.punnet.gossip.core.wire.KeyRing;

/**
 * Bytes on the wire per node and second in a real-socket cluster of N nodes on 127.0.0.1, with the
 * default settings (1 s rounds, 30 s push-pull) and about 300 bytes of application state per node.
 * Not a test (it takes a minute): run it by hand after {@code mvn install}:
 * {@code java -cp target/classes:target/test-classes:<slf4j-api> io.punnet.gossip.internal.LoopbackBandwidth 10 20}.
 */
public final class LoopbackBandwidth {

    private static final long MEASURE_MS = 30_000;

    private LoopbackBandwidth() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        for (String arg : args.length == 0 ? new String[] {"10", "20"} : args) {
            measure(Integer.parseInt(arg));
        }
    }

    private static void measure(int size) throws IOException, InterruptedException {
        KeyRing keys = new KeyRing(List.of(new ClusterKey(new byte[16])));
        GossipSettings settings = GossipSettings.defaults();
        settings = new GossipSettings(settings.roundIntervalNanos(), settings.rumorFanout(), settings.confirmations(),
                settings.suspicionTimeoutNanos(), settings.failureTimeoutNanos(), settings.reapDelayNanos(),
                settings.pushPullIntervalNanos(), 1_400 - Envelope.OVERHEAD_BYTES, settings.pauseThresholdNanos(),
                settings.pauseGraceNanos());
        TransportSettings network = new TransportSettings(InetAddress.getLoopbackAddress(), 0, 1_400, 4 << 20, 5_000,
                8, 1_024);
        List<GossipRuntime> nodes = new ArrayList<>();
        try {
            for (int index = 1; index <= size; index++) {
                List<Endpoint> seeds = nodes.isEmpty() ? List.of() : List.of(nodes.get(0).endpoint());
                NodeSettings node = new NodeSettings(String.format("pi-%02d", index), InetAddress.getLoopbackAddress(),
                        0, seeds, "punnet", keys);
                GossipRuntime runtime = GossipRuntime.start(node, settings, network, 1_000, List::of);
                runtime.setApplicationState("http", "http://192.168.1." + (100 + index) + ":8080");
                runtime.setApplicationState("meta", "m".repeat(80));
                runtime.setApplicationState("mon", "1;c=12.5;l=0.41,0.3,0.2;n=4;" + "9".repeat(110));
                nodes.add(runtime);
            }
            long convergedAt = waitForConvergence(nodes, size);
            List<GossipStats> before = nodes.stream().map(GossipRuntime::stats).toList();
            Thread.sleep(MEASURE_MS);
            List<GossipStats> after = nodes.stream().map(GossipRuntime::stats).toList();
            report(size, convergedAt, before, after);
        } finally {
            nodes.forEach(GossipRuntime::halt);
        }
    }

    private static long waitForConvergence(List<GossipRuntime> nodes, int size) throws InterruptedException {
        long start = System.nanoTime();
        for (int tries = 0; tries < 600; tries++) {
            boolean converged = nodes.stream().allMatch(n -> n.members().size() == size
                    && n.members().stream().allMatch(m -> m.status() == MemberStatus.ALIVE && m.state("mon") != null));
            if (converged) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no convergence within 60 s");
    }

    private static void report(int size, long convergedMs, List<GossipStats> before, List<GossipStats> after) {
        double seconds = MEASURE_MS / 1000.0;
        long bytes = 0;
        long packets = 0;
        long max = 0;
        for (int index = 0; index < before.size(); index++) {
            long sent = after.get(index).bytesSent() - before.get(index).bytesSent();
            bytes += sent;
            max = Math.max(max, sent);
            packets += after.get(index).packetsSent() - before.get(index).packetsSent();
        }
        System.out.printf("N=%d: converged %d ms after the last start; per node: %.0f B/s sent on average "
                + "(max %.0f B/s), %.1f packets/s; drops %s%n", size, convergedMs, bytes / seconds / size,
                max / seconds, packets / seconds / size, after.get(0).dropped());
    }
}
