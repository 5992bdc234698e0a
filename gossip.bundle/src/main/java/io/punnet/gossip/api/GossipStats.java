package io.punnet.gossip.api;

import java.util.Map;

/**
 * Counters of the gossip protocol on this node since it started (monotonic).
 *
 * @param rounds           gossip rounds run
 * @param packetsSent      datagrams and stream messages sent
 * @param packetsReceived  datagrams and stream messages accepted
 * @param bytesSent        bytes sent, on the wire (after encryption)
 * @param bytesReceived    bytes received, on the wire
 * @param dropped          packets dropped, by reason (for example "auth", "malformed", "overflow")
 * @param convictions      DEAD verdicts this node reached
 */
public record GossipStats(long rounds, long packetsSent, long packetsReceived, long bytesSent,
        long bytesReceived, Map<String, Long> dropped, long convictions) {

    public GossipStats {
        dropped = Map.copyOf(dropped);
    }
}
