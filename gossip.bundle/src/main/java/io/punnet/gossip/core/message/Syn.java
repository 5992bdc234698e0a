package io.punnet.gossip.core.message;

import java.util.List;

import io.punnet.gossip.core.model.GossipDigest;

/**
 * The opening of a Scuttlebutt round: digests of what the sender knows. When every digest does not
 * fit in a datagram the sender sends a subset and sets {@code partial}; the receiver then cannot
 * tell "unknown to the sender" from "left out" and does not push members the SYN omits.
 *
 * @param digests one per member (the sender included), sorted by name
 * @param partial true if members were left out to fit the datagram
 */
public record Syn(List<GossipDigest> digests, boolean partial) implements Message {

    public Syn {
        digests = List.copyOf(digests);
    }

    @Override
    public MessageType type() {
        return MessageType.SYN;
    }
}
