package io.punnet.gossip.core;

import java.util.Map;
import java.util.TreeMap;

import io.punnet.gossip.api.GossipStats;

/**
 * The protocol counters of one node, written on the protocol thread, read as a {@link GossipStats}
 * snapshot.
 */
public final class GossipCounters {

    private long rounds;
    private long packetsSent;
    private long packetsReceived;
    private long bytesSent;
    private long bytesReceived;
    private long convictions;
    private long viewMismatches;
    private final Map<String, Long> dropped = new TreeMap<>();

    void round() {
        rounds++;
    }

    void sent(int wireBytes) {
        if (wireBytes > 0) {
            packetsSent++;
            bytesSent += wireBytes;
        }
    }

    void received(int wireBytes) {
        packetsReceived++;
        bytesReceived += Math.max(0, wireBytes);
    }

    void conviction() {
        convictions++;
    }

    /** A compact message named another view than this node's (answered by a named SYN, or ignored). */
    void viewMismatch() {
        viewMismatches++;
    }

    /** Compact messages in another view so far (the simulator reports them). */
    public long viewMismatches() {
        return viewMismatches;
    }

    void dropped(String reason) {
        dropped.merge(reason, 1L, Long::sum);
    }

    /** Bytes sent so far. */
    public long bytesSent() {
        return bytesSent;
    }

    /** A snapshot. */
    public GossipStats snapshot() {
        return new GossipStats(rounds, packetsSent, packetsReceived, bytesSent, bytesReceived, dropped,
                convictions);
    }
}
